# mmdiff 1
# SEMANTICS §11, §6.1: mm/mremap.c: mremap_to — MREMAP_FIXED unmaps the destination first, then the file's
# get_unmapped_area (trampfd_get_unmapped_area) refuses MAP_FIXED: EINVAL, the destination stays unmapped; a move
# whose range holds a trampfd VMA and another VMA (the trampfd first or later) → EFAULT (remap_move:
# vma_multi_allowed, a file with its own get_unmapped_area).
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
r1 = trampfd_create(r0) = 3
trampfd_write_code(r1, 3, 7, r0+0x1000) = 0
trampfd_write_data(r1, 8, r0+0x1800) = 0
r2 = mmap(0x7ffff7ffe000, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000)
r3 = mmap(0x40000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
mremap(r2, 0x1000, 0x1000, MREMAP_MAYMOVE|MREMAP_FIXED, r3) = -EINVAL
#! p0 vmas r0..r0+0x2000 rw- account | r2..r2+0x1000 r-x trampfd
r4 = mmap(0x7ffff7fff000-0x2000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
mremap(r4, 0x2000, 0x2000, MREMAP_MAYMOVE|MREMAP_FIXED, r3) = -EFAULT
mremap(r2, 0x2000, 0x2000, MREMAP_MAYMOVE|MREMAP_FIXED, r3) = -EFAULT
