# mmdiff 1
# MADV_COLD and MADV_FREE of whole huge PMDs (mm/madvise.c: madvise_cold_or_pageout_pte_range,
# mm/huge_memory.c: madvise_free_huge_pmd): COLD makes the PMD old; FREE makes it old and clean and the
# folio lazily freeable, and a later write dirties the PMD again; a folio another process maps too
# (folio_maybe_mapped_shared, after fork) is left alone by both. A split of the clean old PMD gives clean
# old PTEs (__split_huge_pmd_locked). Seen on the live kernel.
# machine zeroPage=0
r0 = mmap(0x40000000, 0x800000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
madvise(r0, 0x800000, MADV_HUGEPAGE) = 0
write(r0+0x1008, 0x1) = 0
write(r0+0x201008, 0x2) = 0
write(r0+0x401008, 0x3) = 0
write(r0+0x601008, 0x4) = 0
madvise(r0, 0x200000, MADV_COLD) = 0
#! p0 pte r0 P RW US D PSE NX f0
madvise(r0+0x200000, 0x200000, MADV_FREE) = 0
#! p0 pte r0+0x200000 P RW US PSE NX f512
madvise(r0+0x400000, 0x200000, MADV_FREE) = 0
write(r0+0x401010, 0x5) = 0
#! p0 pte r0+0x400000 P RW US A D PSE NX f1024
r1 = fork() = 1
madvise(r0+0x600000, 0x200000, MADV_FREE) = 0
madvise(r0+0x600000, 0x200000, MADV_COLD) = 0
#! p0 pte r0+0x600000 P US A PSE SavedDirty NX f1536
mprotect(r0+0x201000, 0x1000, PROT_READ) = 0
#! p0 pte r0+0x200000 P US NX f512
#! p0 pte r0+0x201000 P US NX f513
read(r0+0x201008) = 0x2
