# mmdiff 1
# machine profile=6.10
# mm/mremap.c (v6.10): mremap_to — `can_modify_mm(mm, addr, addr + old_len)` runs after the new_addr
# checks; with old_len = PAGE_ALIGN(-0x1000) the end wraps below addr, and can_modify_mm's
# for_each_vma_range(vmi, vma, end) then finds no VMA (mm/mseal.c v6.10): the sealed VMA above
# addr does not refuse the move. What fails is the source's size: vma_to_resize, EINVAL here.
r0 = mmap(NULL, 0x1ff000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7e00000
mseal(r0, 0x1000, 0) = 0
mmap(r0, 0x9000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7df7000
mremap(0x7ffff7df9000, -0x1000, 0x1000, MREMAP_MAYMOVE|MREMAP_FIXED, 0x7ffff7ff8000) = -EINVAL
