# mmdiff 1
# SEMANTICS §4.2 mremap rows, §6.1 steps 1-2 and 8: mm/mremap.c: check_prep_vma — every mremap of a sealed
# source is EPERM (shrink, same size, expand in place, MAYMOVE expand, FIXED move, DONTUNMAP) and changes
# nothing; the parameter checks come first (bad flags, unaligned addr: EINVAL); a FIXED move onto a sealed
# destination is EPERM from its do_munmap, leaving the source in place.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x5) = 0
mseal(r0, 0x2000, 0) = 0
mremap(r0, 0x2000, 0x1000, 0, NULL) = -EPERM
mremap(r0, 0x2000, 0x2000, 0, NULL) = -EPERM
mremap(r0, 0x2000, 0x3000, 0, NULL) = -EPERM
mremap(r0, 0x2000, 0x3000, MREMAP_MAYMOVE, NULL) = -EPERM
mremap(r0, 0x1000, 0x1000, MREMAP_MAYMOVE|MREMAP_FIXED, 0x20000000) = -EPERM
mremap(r0, 0x2000, 0x2000, MREMAP_MAYMOVE|MREMAP_DONTUNMAP, 0x20000000) = -EPERM
mremap(r0, 0x2000, 0x1000, 0x8, NULL) = -EINVAL
mremap(r0+0x800, 0x1000, 0x1000, 0, NULL) = -EINVAL
#! p0 vmas r0..r0+0x2000 rw- account sealed
r1 = mmap(0x20000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
write(r1, 0x9) = 0
mremap(r1, 0x1000, 0x1000, MREMAP_MAYMOVE|MREMAP_FIXED, r0) = -EPERM
#! p0 vmas r0..r0+0x2000 rw- account sealed | r1..r1+0x1000 rw- account
read(r1) = 0x9
read(r0) = 0x5
