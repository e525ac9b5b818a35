# mmdiff 1
# fork copies a huge PMD (mm/huge_memory.c: copy_huge_pmd): write-protected in both, the child's old, no
# page exclusive any more. A write to it while the other process maps the folio splits the PMD and
# copies the one 4K page (do_huge_pmd_wp_page: folio_ref_count > 1 -> __split_huge_pmd, VM_FAULT_FALLBACK,
# then do_wp_page: a large folio mapped by two processes is not reused); once the other process is gone
# the PMD is reused whole (folio_ref_count == 1: RW D again). Seen on the live kernel.
# machine zeroPage=0
r0 = mmap(0x40000000, 0x400000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
madvise(r0, 0x400000, MADV_HUGEPAGE) = 0
write(r0+0x1008, 0x1) = 0
write(r0+0x201008, 0x7) = 0
r1 = fork() = 1
#! p0 pte r0 P US A PSE SavedDirty NX f0
#! p1 pte r0 P US PSE SavedDirty NX f0
write(r0+0x3008, 0x3) = 0
#! p0 pte r0+0x3000 P RW US A D NX page
#! p0 pte r0+0x4000 P US A SavedDirty NX f4
#! p1 pte r0+0x4000 P US PSE SavedDirty NX f4
p1: write(r0+0x4008, 0x4) = 0
#! p1 pte r0+0x4000 P RW US A D NX page
#! p1 pte r0+0x5000 P US SavedDirty NX f5
p1: exit(0) = 0
write(r0+0x201010, 0x8) = 0
#! p0 pte r0+0x200000 P RW US A D PSE NX page
read(r0+0x201008) = 0x7
