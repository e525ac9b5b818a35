# mmdiff 1
# SEMANTICS §4.4 (6.10-6.11 "up-front" checks), §1.4 and §2 last sentences: 6.10 mm/mmap.c: can_modify_mm
# walked the whole range first in do_vmi_munmap, mmap_region and do_mprotect_pkey (after the VMA lookup),
# and can_modify_mm_madv in do_madvise, so [unsealed][sealed] gives EPERM with no change at all: no split
# left by munmap/MAP_FIXED, no mprotect or DONTNEED of the unsealed VMA. Model-only (a 6.10 profile).
# machine profile=6.10
r0 = mmap(0x10000000, 0x4000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x1) = 0
mprotect(r0, 0x4000, PROT_READ) = 0
mseal(r0+0x2000, 0x2000, 0) = 0
munmap(r0+0x1000, 0x3000) = -EPERM
mmap(r0+0x1000, 0x2000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -EPERM
mprotect(r0, 0x4000, PROT_NONE) = -EPERM
madvise(r0, 0x4000, MADV_DONTNEED) = -EPERM
#! p0 vmas r0..r0+0x2000 r-- account | r0+0x2000..r0+0x4000 r-- account sealed
read(r0) = 0x1
mprotect(0x20000000, 0x1000, PROT_READ) = -ENOMEM
