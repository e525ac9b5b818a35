# mmdiff 1
# A VMA boundary set inside a PMD-mapped block splits the PMD (mm/vma.c: __split_vma / commit_merge ->
# vma_adjust_trans_huge -> split_huge_pmd_if_needed); one on a 2 MiB boundary leaves it: MADV_NOHUGEPAGE
# on [1 MiB, 3 MiB) splits the first two blocks, on the aligned third block it only changes the flag (the
# PMD stays). The first block, now [0, 1 MiB) VM_HUGEPAGE and [1 MiB, 2 MiB) VM_NOHUGEPAGE, is in no
# single VMA: even with its table reclaimed (whole-block DONTNEED) it takes 4K pages
# (thp_vma_suitable_order). Seen on the live kernel.
# machine zeroPage=0
r0 = mmap(0x40000000, 0x600000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
madvise(r0, 0x600000, MADV_HUGEPAGE) = 0
write(r0+0x1008, 0x1) = 0
write(r0+0x201008, 0x2) = 0
write(r0+0x401008, 0x3) = 0
madvise(r0+0x100000, 0x200000, MADV_NOHUGEPAGE) = 0
madvise(r0+0x400000, 0x200000, MADV_NOHUGEPAGE) = 0
#! p0 pte r0 P RW US A D NX f0
#! p0 pte r0+0x200000 P RW US A D NX f512
#! p0 pte r0+0x400000 P RW US A D PSE NX f1024
madvise(r0, 0x200000, MADV_DONTNEED) = 0
write(r0+0x8, 0x7) = 0
#! p0 pte r0 P RW US A D NX page
