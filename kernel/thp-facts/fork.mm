# mmdiff 1
# machine thp=1
# fork copies the PMD write-protected in both (copy_huge_pmd: pmdp_set_wrprotect, the
# child's pmd_mkold): parent P US A PSE SavedDirty NX, child P US PSE SavedDirty NX, one huge
# folio. The first write on either side splits that side's PMD only and copies the written
# page alone (do_huge_pmd_wp_page falls back to 4 KiB COW); the writer's other PTEs keep the
# write-protected bits.
r0 = mmap(0x40000000, 0x200000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
madvise(r0, 0x200000, MADV_HUGEPAGE) = 0
write(r0+0x1000, 0x41) = 0
r1 = fork() = 1
#! p0 pte r0+0x2000 P US A PSE SavedDirty NX f2
#! p1 pte r0+0x2000 P US PSE SavedDirty NX f2
p1: write(r0+0x2000, 0x42) = 0
#! p0 pte r0+0x2000 P US A PSE SavedDirty NX f2
#! p1 pte r0+0x2000 P RW US A D NX f512
#! p1 pte r0+0x3000 P US SavedDirty NX f3
write(r0+0x4000, 0x43) = 0
#! p0 pte r0+0x4000 P RW US A D NX f4
#! p0 pte r0+0x5000 P US A SavedDirty NX f5
#! p1 pte r0+0x4000 P US SavedDirty NX f513
