# mmdiff 1
# machine thp=1
# MADV_PAGEOUT of a THP with no swap: the folio is split (split_huge_page_to_list), and
# its zero-filled sub-pages are remapped to the shared 4 KiB zero page (mm/huge_memory.c:
# __split_huge_page_tail / try_to_map_unused_to_zeropage, "remap unused subpages to shared
# zeropage when splitting isolated thp") — even on a machine whose faults never use the
# zero page (pvm_no_zero_page=1): frame Z, P US A NX. The written page stays, RW D.
r0 = mmap(0x40000000, 0x200000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
madvise(r0, 0x200000, MADV_HUGEPAGE) = 0
write(r0+0x1000, 0x41) = 0
madvise(r0, 0x200000, MADV_PAGEOUT) = 0
#! p0 pte r0 P US A NX Z
#! p0 pte r0+0x1000 P RW US A D NX f0
#! p0 pte r0+0x1ff000 P US A NX Z
