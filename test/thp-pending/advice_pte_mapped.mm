# mmdiff 1
# MADV_COLD / FREE / PAGEOUT of a THP mapped by PTEs (its PMD split by a VMA split that a merge then
# undid): madvise_cold_or_pageout_pte_range and madvise_free_pte_range take the PTEs of consecutive
# pages of the folio as one batch (madvise_folio_pte_batch). The whole folio in range: COLD makes every
# PTE old, FREE old and clean, PAGEOUT splits the folio as reclaim does (all-zero pages become the zero
# page); part of it: split_folio first (the same zero remap), then the 4K pages in range. A folio a fork
# child maps too is left alone. Seen on the live kernel.
# machine zeroPage=0
r0 = mmap(0x40000000, 0x800000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
madvise(r0, 0x800000, MADV_HUGEPAGE) = 0
write(r0+0x1008, 0x1) = 0
write(r0+0x201008, 0x2) = 0
write(r0+0x401008, 0x3) = 0
write(r0+0x601008, 0x4) = 0
mprotect(r0+0x5000, 0x1000, PROT_READ) = 0
mprotect(r0+0x205000, 0x1000, PROT_READ) = 0
mprotect(r0+0x405000, 0x1000, PROT_READ) = 0
mprotect(r0+0x605000, 0x1000, PROT_READ) = 0
mprotect(r0, 0x800000, PROT_READ|PROT_WRITE) = 0
#! p0 pte r0 P RW US A D NX f0
#! p0 pte r0+0x5000 P RW US A D NX f5
read(r0+0x7008) = 0
madvise(r0, 0x200000, MADV_COLD) = 0
#! p0 pte r0 P RW US D NX f0
#! p0 pte r0+0x1ff000 P RW US D NX f511
madvise(r0+0x200000, 0x200000, MADV_FREE) = 0
#! p0 pte r0+0x200000 P RW US NX f512
madvise(r0+0x400000, 0x200000, MADV_PAGEOUT) = 0
#! p0 pte r0+0x400000 P US A NX Z
#! p0 pte r0+0x401000 P RW US A D NX page
madvise(r0+0x600000, 0x100000, MADV_COLD) = 0
#! p0 pte r0+0x601000 P RW US D NX page
#! p0 pte r0+0x7ff000 P US A NX Z
r1 = fork() = 1
madvise(r0, 0x200000, MADV_FREE) = 0
#! p0 pte r0+0x1000 P US SavedDirty NX f1
