# mmdiff 1
# machine thp=1
# MAP_SHARED anonymous memory is shmem: with shmem_enabled=never its faults stay 4 KiB even
# under MADV_HUGEPAGE, but MADV_COLLAPSE is forced (collapse_file) and returns 0: one PMD,
# P RW US A PSE NX — no D, unlike an anonymous collapse. A shmem VMA whose start is not
# 2 MiB-aligned with its file offset (vm_start - vm_pgoff; pgoff is 0 here) fails
# thp_vma_suitable_order: EINVAL even for a range that holds no block (an anonymous VMA's
# pgoff follows its address, so it never fails this way). Found by a thp=1 model,kernel
# campaign (the model said 0 for the unaligned one).
r0 = mmap(0x40000000, 0x400000, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
madvise(r0, 0x400000, MADV_HUGEPAGE) = 0
write(r0+0x1000, 0x1) = 0
#! p0 pte r0+0x1000 P RW US A D NX f0
madvise(r0, 0x200000, MADV_COLLAPSE) = 0
#! p0 pte r0 P RW US A PSE NX f0
#! p0 pte r0+0x1ff000 P RW US A PSE NX f511
r1 = mmap(0x50001000, 0x400000, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x50001000
write(r1+0x1000, 0x1) = 0
madvise(r1, 0x1000, MADV_COLLAPSE) = -EINVAL
madvise(r1+0x1ff000, 0x200000, MADV_COLLAPSE) = -EINVAL
#! p0 pte r1+0x1000 P RW US A D NX f512
