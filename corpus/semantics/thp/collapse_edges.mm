# mmdiff 1
# MADV_COLLAPSE edges (mm/khugepaged.c: madvise_collapse): a block whose PTE table holds a guard marker
# fails (the marker is a swap entry whose swap-in fails: SCAN_FAIL ends the walk) after the blocks before
# it were collapsed, and the blocks after it are left; the VMA check thp_vma_suitable_order(vma,
# vm_end - 2 MiB) is unsigned, so a VMA ending below 2 MiB passes it: a range [0, 4 KiB) has
# hstart == hend (0 blocks, success), a range [1 MiB, 1 MiB + 4 KiB) has hstart > hend (EINVAL).
# Seen on the live kernel.
# machine zeroPage=0
r0 = mmap(0x40000000, 0x600000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
write(r0+0x1008, 0x1) = 0
write(r0+0x201008, 0x2) = 0
write(r0+0x401008, 0x3) = 0
madvise(r0+0x205000, 0x1000, MADV_GUARD_INSTALL) = 0
madvise(r0, 0x600000, MADV_COLLAPSE) = -EINVAL
#! p0 pte r0 P RW US A D PSE NX f0
#! p0 pte r0+0x201000 P RW US A D NX f512
#! p0 pte r0+0x205000 guard
#! p0 pte r0+0x401000 P RW US A D NX f513
r1 = mmap(0x0, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x0
write(r1, 0x1) = 0
madvise(r1, 0x1000, MADV_COLLAPSE) = 0
r2 = mmap(0x100000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x100000
write(r2, 0x1) = 0
madvise(r2, 0x1000, MADV_COLLAPSE) = -EINVAL
# A block without a PTE table (SCAN_PMD_NULL) ends the walk with EINVAL: the populated blocks after it
# stay 4K; collapsing one of them alone then succeeds.
r3 = mmap(0x41000000, 0x800000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, -1, 0) = 0x41000000
write(r3+0x1010, 0x3f) = 0
write(r3+0x400000, 0x16) = 0
write(r3+0x600000, 0x17) = 0
madvise(r3+0x200000, 0x600000, MADV_COLLAPSE) = -EINVAL
#! p0 pte r3+0x400000 P RW US A D NX page
#! p0 pte r3+0x401000 none
madvise(r3+0x400000, 0x200000, MADV_COLLAPSE) = 0
#! p0 pte r3+0x400000 P RW US A D PSE NX page
#! p0 pte r3+0x600000 P RW US A D NX page
# A shmem VMA (MAP_SHARED anonymous) whose start is not 2 MiB-aligned with its file offset fails
# thp_vma_suitable_order (vm_start >> 12 - vm_pgoff not a multiple of 512): EINVAL for any range.
r4 = mmap(0x50001000, 0x400000, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x50001000
write(r4+0x1000, 0x1) = 0
madvise(r4+0x1ff000, 0x200000, MADV_COLLAPSE) = -EINVAL
#! p0 pte r4+0x1000 P RW US A D NX page
