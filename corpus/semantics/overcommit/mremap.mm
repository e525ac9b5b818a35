# mmdiff 1
# machine ramSwap=0x1000000
# mremap of a VM_ACCOUNT VMA charges (SEMANTICS §6): the growth, MREMAP_DONTUNMAP's new_len, or for a
# shrinking move the size difference; more than RAM + swap (16 MiB = 0x1000 pages here) is ENOMEM.
# mm/mremap.c: vrm_calc_charge — `charged = DONTUNMAP ? new_len : delta`; expand_vma_in_place charges
# before vma_merge_extend, move_vma after prep_move_vma. Seen on the live kernel.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
# growth in place: charged; when refused, MREMAP_MAYMOVE does not try a move
mremap(r0, 0x1000, 0x1002000, 0, 0) = -ENOMEM
mremap(r0, 0x1000, 0x1002000, MREMAP_MAYMOVE, 0) = -ENOMEM
#! p0 vmas r0..r0+0x1000 rw- account
mremap(r0, 0x1000, 0x1001000, 0, 0) = 0x10000000
mremap(r0, 0x1001000, 0x1002000, 0, 0) = 0x10000000
#! p0 vmas r0..r0+0x1002000 rw- account
# a VMA of RAM + swap + 2 pages now: moving it whole charges nothing
r1 = mremap(r0, 0x1002000, 0x1002000, MREMAP_MAYMOVE|MREMAP_FIXED, 0x20000000) = 0x20000000
#! p0 vmas r1..r1+0x1002000 rw- account
# DONTUNMAP charges all of new_len
mremap(r1, 0x1002000, 0x1002000, MREMAP_MAYMOVE|MREMAP_DONTUNMAP, 0) = -ENOMEM
mremap(r1, 0x1000000, 0x1000000, MREMAP_MAYMOVE|MREMAP_DONTUNMAP|MREMAP_FIXED, 0x30000000) = 0x30000000
#! p0 vmas r1..r1+0x1002000 rw- account | 0x30000000..0x31000000 rw- account
munmap(0x30000000, 0x1000000) = 0
# a shrinking move charges what shrink_vma cut off (delta is not recomputed): refused after the shrink
mremap(r1, 0x1002000, 0x1000, MREMAP_MAYMOVE|MREMAP_FIXED, 0x50000000) = -ENOMEM
#! p0 vmas r1..r1+0x1000 rw- account
# a move that grows is charged the growth (the next page is taken: no growth in place)
r3 = mmap(r1+0x1000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20001000
mremap(r1, 0x1000, 0x1002000, MREMAP_MAYMOVE, 0) = -ENOMEM
#! p0 vmas r1..r1+0x1000 rw- account | r3..r3+0x1000 r--
# a VMA without VM_ACCOUNT grows freely
mremap(r3, 0x1000, 0x2001000, 0, 0) = 0x20001000
#! p0 vmas r1..r1+0x1000 rw- account | r3..r3+0x2001000 r--
