# mmdiff 1
# SEMANTICS §1.6, §2 step 4: mm/vma.c: vms_gather_munmap_vmas — munmap (and MAP_FIXED) need the map_count <
# max check only when one VMA must be split at both ends (a hole punch); that check comes before the
# seal check, so a sealed VMA gets ENOMEM there. Single-end splits and whole-VMA removal are allowed at
# the limit (map_count may go just above it).
# machine maxMapCount=2
r0 = mmap(0x10000000, 0x3000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
r1 = mmap(0x20000000, 0x3000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
mseal(r1, 0x3000, 0) = 0
munmap(r0+0x1000, 0x1000) = -ENOMEM
mmap(r0+0x1000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -ENOMEM
munmap(r1+0x1000, 0x1000) = -ENOMEM
munmap(r1+0x2000, 0x1000) = -EPERM
#! p0 vmas r0..r0+0x3000 rw- account | r1..r1+0x3000 r-- sealed
munmap(r0+0x2000, 0x1000) = 0
r2 = mmap(r0+0x1000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10001000
#! p0 vmas r0..r0+0x1000 rw- account | r2..r2+0x1000 r-- | r1..r1+0x3000 r-- sealed
munmap(r0, 0x2000) = 0
#! p0 vmas r1..r1+0x3000 r-- sealed
