# mmdiff 1
# SEMANTICS §1.1 check 15: security/commoncap.c: cap_mmap_addr — an address below mmap_min_addr needs
# CAP_SYS_RAWIO; the caller is root (docs/conventions.md), so MAP_FIXED at 0 succeeds and the page is
# usable. A hint below mmap_min_addr is not an error either (§1.3 round_hint_to_min).
# machine mmapMinAddr=0x10000
r0 = mmap(NULL, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0
write(r0+0x8, 0x55) = 0
read(r0+0x8) = 0x55
r1 = mmap(0x5000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x5000
#! p0 vmas r0..r0+0x1000 rw- account | r1..r1+0x1000 r--
