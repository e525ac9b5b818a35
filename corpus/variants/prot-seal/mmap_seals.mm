# mmdiff 1
# model/variants/prot-seal.ts: mmap(prot | PROT_SEAL) makes a VMA sealed from its creation (Jeff Xu's
# mseal v4-v8, 2024-01: "it marks the map sealed since creation"). The seal then blocks munmap,
# MAP_FIXED and mprotect as an mseal()ed VMA's does (6.18 rules, SEMANTICS §4.2), the sealed VMA
# merges only with sealed neighbours (§1.5), and there is no mseal() in this design (ENOSYS).
# Model-only (profile=prot-seal).
# machine profile=prot-seal
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_SEAL, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
#! p0 vmas r0..r0+0x2000 r-- sealed
munmap(r0, 0x1000) = -EPERM
mmap(r0, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -EPERM
mprotect(r0, 0x2000, PROT_READ) = -EPERM
read(r0) = 0
r1 = mmap(r0+0x2000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10002000
r2 = mmap(r0+0x3000, 0x1000, PROT_READ|PROT_SEAL, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10003000
r3 = mmap(r0+0x4000, 0x1000, PROT_READ|PROT_SEAL, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10004000
#! p0 vmas r0..r0+0x2000 r-- sealed | r1..r1+0x1000 r-- | r2..r2+0x2000 r-- sealed
r4 = mmap(NULL, 0x1000, PROT_READ|PROT_WRITE|PROT_SEAL, MAP_SHARED|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ffe000
write(r4, 0x41) = 0
#! p0 vmas r0..r0+0x2000 r-- sealed | r1..r1+0x1000 r-- | r2..r2+0x2000 r-- sealed | r4..r4+0x1000 rw- shared sealed
mseal(r1, 0x1000, 0) = -ENOSYS
