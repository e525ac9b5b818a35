# mmdiff 1
# machine thp=1
# A write fault in a MADV_HUGEPAGE range with an aligned 2 MiB block: one PMD maps all 512
# pages, P RW US A D PSE NX (do_huge_pmd_anonymous_page); each page is its own sub-frame.
# The rest of the VMA (no MADV_HUGEPAGE, enabled=madvise) stays 4 KiB.
r0 = mmap(0x40000000, 0x400000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
madvise(r0, 0x200000, MADV_HUGEPAGE) = 0
write(r0+0x1000, 0x41) = 0
write(r0+0x200000, 0x42) = 0
#! p0 vmas r0..r0+0x200000 rw- account hugepage | r0+0x200000..r0+0x400000 rw- account
#! p0 pte r0 P RW US A D PSE NX f0
#! p0 pte r0+0x1000 P RW US A D PSE NX f1
#! p0 pte r0+0x1ff000 P RW US A D PSE NX f511
#! p0 pte r0+0x200000 P RW US A D NX f512
#! p0 pte r0+0x201000 none
