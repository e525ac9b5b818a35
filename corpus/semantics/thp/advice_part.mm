# mmdiff 1
# MADV_COLD, MADV_FREE and MADV_PAGEOUT of part of an exclusive THP split the folio first (mm/madvise.c:
# madvise_cold_or_pageout_pte_range, mm/huge_memory.c: madvise_free_huge_pmd -> split_folio): the PMD
# becomes PTEs, every all-zero page of the whole folio is remapped to the shared zero page
# (try_to_map_unused_to_zeropage), and the advice then acts on the 4K pages in its range only: COLD
# clears A, FREE clears A and D (lazyfree), PAGEOUT keeps swap-backed pages (no swap). Seen on the live
# kernel.
# machine zeroPage=0
r0 = mmap(0x40000000, 0x800000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
madvise(r0, 0x800000, MADV_HUGEPAGE) = 0
write(r0+0x1008, 0x1) = 0
write(r0+0x101008, 0x1) = 0
write(r0+0x201008, 0x2) = 0
write(r0+0x301008, 0x2) = 0
write(r0+0x401008, 0x3) = 0
write(r0+0x501008, 0x3) = 0
madvise(r0, 0x100000, MADV_COLD) = 0
#! p0 pte r0 P US A NX Z
#! p0 pte r0+0x1000 P RW US D NX f0
#! p0 pte r0+0x101000 P RW US A D NX f1
#! p0 pte r0+0x1ff000 P US A NX Z
madvise(r0+0x200000, 0x100000, MADV_FREE) = 0
#! p0 pte r0+0x201000 P RW US NX f2
#! p0 pte r0+0x301000 P RW US A D NX f3
madvise(r0+0x400000, 0x100000, MADV_PAGEOUT) = 0
#! p0 pte r0+0x401000 P RW US A D NX f4
#! p0 pte r0+0x5ff000 P US A NX Z
