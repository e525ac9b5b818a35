# mmdiff 1
# machine thp=1
# MADV_COLLAPSE's VMA check (mm/huge_memory.c: __thp_vma_allowable_orders →
# thp_vma_suitable_order(vma, vma->vm_end - HPAGE_PMD_SIZE)) wraps for a VMA that ends
# below 2 MiB: vm_end - 2 MiB underflows, its aligned-down value is >= vm_start and adding
# 2 MiB wraps to 0 <= vm_end, so such a VMA passes. madvise_collapse then returns 0 when
# round_up(start, 2 MiB) == round_down(end, 2 MiB) (nothing to collapse: a range from 0)
# and EINVAL when the rounded start lies past the rounded end (thps != the negative count).
# Found by a model,kernel campaign with thp=1 (the model said EINVAL at 0).
r0 = mmap(0x0, 0x3000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_POPULATE, -1, 0) = 0x0
madvise(r0, 0x2000, MADV_COLLAPSE) = 0
madvise(r0+0x1000, 0x1000, MADV_COLLAPSE) = -EINVAL
r1 = mmap(0x10000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_POPULATE, -1, 0) = 0x10000
madvise(r1, 0x1000, MADV_COLLAPSE) = -EINVAL
r2 = mmap(0x10000000, 0x3000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r2, 0x1) = 0
madvise(r2, 0x1000, MADV_COLLAPSE) = -EINVAL
