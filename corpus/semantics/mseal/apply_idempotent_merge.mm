# mmdiff 1
# SEMANTICS §4.1 step 8: mm/mseal.c: mseal_apply — sealing part of a VMA splits it; len is rounded up to
# pages (1 byte seals a page, 2 pages - 1 seals two); sealing again is a no-op returning 0 (idempotent);
# sealing a range that covers sealed and unsealed pieces seals the rest and merges equal sealed neighbours
# into one VMA. Sealing changes neither prot nor contents.
r0 = mmap(0x10000000, 0x4000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0+0x1000, 0x7) = 0
mseal(r0+0x1000, 1, 0) = 0
#! p0 vmas r0..r0+0x1000 rw- account | r0+0x1000..r0+0x2000 rw- account sealed | r0+0x2000..r0+0x4000 rw- account
mseal(r0+0x1000, 0x1000, 0) = 0
mseal(r0+0x2000, 0x1fff, 0) = 0
#! p0 vmas r0..r0+0x1000 rw- account | r0+0x1000..r0+0x4000 rw- account sealed
mseal(r0, 0x4000, 0) = 0
#! p0 vmas r0..r0+0x4000 rw- account sealed
#! p0 pte r0+0x1000 P RW US A D NX page
read(r0+0x1000) = 0x7
write(r0+0x2000, 0x8) = 0
read(r0+0x2000) = 0x8
