# mmdiff 1
# MADV_COLLAPSE (mm/khugepaged.c: madvise_collapse; ignores enabled=madvise) of blocks with a PTE
# table: a new THP with the present pages' contents (zeros elsewhere), whatever the PTEs were (read-only,
# shared with a fork child: khugepaged's limits do not apply), mapped folio_mk_pmd(vm_page_prot) +
# maybe_pmd_mkwrite(pmd_mkdirty()) (collapse_huge_page); a block already PMD-mapped counts as done
# (SCAN_PMD_MAPPED); a block without a table is SCAN_PMD_NULL -> EINVAL after the others were done; a
# table with every entry none still collapses (to zeros); a range inside one block's interior is EINVAL
# (hend - hstart wraps). The child keeps its own pages. Seen on the live kernel.
# machine zeroPage=0
r0 = mmap(0x40000000, 0x800000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
write(r0+0x1008, 0x1) = 0
write(r0+0x3008, 0x2) = 0
write(r0+0x200008, 0x3) = 0
write(r0+0x401008, 0x4) = 0
madvise(r0+0x401000, 0x1000, MADV_DONTNEED) = 0
r1 = fork() = 1
mprotect(r0, 0x200000, PROT_READ) = 0
madvise(r0, 0x200000, MADV_COLLAPSE) = 0
#! p0 pte r0 P US A PSE SavedDirty NX f0
madvise(r0, 0x200000, MADV_COLLAPSE) = 0
madvise(r0+0x1000, 0x1000, MADV_COLLAPSE) = -EINVAL
madvise(r0+0x200000, 0x600000, MADV_COLLAPSE) = -EINVAL
#! p0 pte r0+0x200000 P RW US A D PSE NX page
#! p0 pte r0+0x400000 P RW US A D PSE NX page
#! p0 pte r0+0x600000 none
read(r0+0x1008) = 0x1
read(r0+0x3008) = 0x2
read(r0+0x200008) = 0x3
read(r0+0x401008) = 0
p1: read(r0+0x1008) = 0x1
#! p1 pte r0+0x1000 P US A SavedDirty NX page
