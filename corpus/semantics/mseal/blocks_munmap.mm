# mmdiff 1
# SEMANTICS §4.2 munmap row, §2 step 4, key finding 2: mm/vma.c: vms_gather_munmap_vmas — munmap over a
# sealed VMA is EPERM; when an unsealed first VMA had to be split at start, that split stays
# ([unsealed page][unsealed page][sealed] afterwards); a sealed first VMA is refused before its split.
r0 = mmap(0x10000000, 0x4000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
mseal(r0+0x2000, 0x2000, 0) = 0
munmap(r0+0x2000, 0x2000) = -EPERM
munmap(r0+0x3000, 0x1000) = -EPERM
#! p0 vmas r0..r0+0x2000 rw- account | r0+0x2000..r0+0x4000 rw- account sealed
munmap(r0+0x1000, 0x3000) = -EPERM
#! p0 vmas r0..r0+0x1000 rw- account | r0+0x1000..r0+0x2000 rw- account | r0+0x2000..r0+0x4000 rw- account sealed
munmap(r0, 0x1000) = 0
#! p0 vmas r0+0x1000..r0+0x2000 rw- account | r0+0x2000..r0+0x4000 rw- account sealed
