# mmdiff 1
# SEMANTICS §5.2 COLLAPSE: mm/khugepaged.c: madvise_collapse — EINVAL when THP is not allowed for the
# VMA (no aligned 2 MiB block in it, or VM_NOHUGEPAGE, or — mm/huge_memory.c: __thp_vma_allowable_orders,
# found by the model,kernel campaign — an anonymous VMA that has no anon_vma yet, i.e. was never faulted);
# an unpopulated aligned block scans as SCAN_PMD_NULL, which madvise_collapse_errno turns into EINVAL; a
# range covering no aligned block has nothing to collapse and returns 0. (Collapsing populated blocks is
# modelled by no target.)
r0 = mmap(NULL, 0x200000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7c00000
madvise(r0, 0x200000, MADV_COLLAPSE) = -EINVAL
madvise(r0, 0x1000, MADV_COLLAPSE) = -EINVAL
write(r0+0x100000, 0x1) = 0
madvise(r0, 0x1000, MADV_COLLAPSE) = 0
r1 = mmap(0x10000000, 0x3000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r1, 0x1) = 0
madvise(r1, 0x3000, MADV_COLLAPSE) = -EINVAL
madvise(r0, 0x200000, MADV_NOHUGEPAGE) = 0
madvise(r0, 0x1000, MADV_COLLAPSE) = -EINVAL
