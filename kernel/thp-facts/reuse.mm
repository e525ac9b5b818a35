# mmdiff 1
# machine thp=1
# After fork the PMD is write-protected in both; once the child is gone the parent's
# write fault reuses the whole huge folio (do_huge_pmd_wp_page: exclusive → reuse, no
# split): P RW US A D PSE NX again. A VMA split inside a THP (mseal of 1 MiB here, like any
# partial mprotect/munmap/madvise) splits the PMD (vma_adjust_trans_huge); the PTEs keep the
# PMD's bits, here still write-protected from the fork.
r0 = mmap(0x40000000, 0x400000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
madvise(r0, 0x400000, MADV_HUGEPAGE) = 0
write(r0+0x1000, 0x41) = 0
write(r0+0x200000, 0x42) = 0
r1 = fork() = 1
p1: exit(0) = 0
#! p0 pte r0+0x2000 P US A PSE SavedDirty NX f2
write(r0+0x2000, 0x43) = 0
#! p0 pte r0+0x2000 P RW US A D PSE NX f2
mseal(r0+0x200000, 0x100000, 0) = 0
#! p0 vmas r0..r0+0x200000 rw- account hugepage | r0+0x200000..r0+0x300000 rw- account sealed hugepage | r0+0x300000..r0+0x400000 rw- account hugepage
#! p0 pte r0+0x200000 P US A SavedDirty NX f512
