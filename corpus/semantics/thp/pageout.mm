# mmdiff 1
# MADV_PAGEOUT of a whole THP without swap (mm/vmscan.c: shrink_folio_list — add_to_swap fails, the
# large folio is split to "swap normal pages", which stay): the PMD becomes PTEs with its bits, and every
# page whose bytes are all zero is remapped to the shared zero page (mm/huge_memory.c: remap_page with
# RMP_USE_SHARED_ZEROPAGE -> try_to_map_unused_to_zeropage) — on this host too, whose faults never map
# the zero page. The pages are order-0 folios afterwards: a write reuses an exclusive one, a write to a
# zero-page PTE copies. A THP a fork child maps too is left alone (folio_maybe_mapped_shared).
# Seen on the live kernel.
# machine zeroPage=0
r0 = mmap(0x40000000, 0x800000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
madvise(r0, 0x800000, MADV_HUGEPAGE) = 0
write(r0+0x1008, 0x1) = 0
write(r0+0x3008, 0x2) = 0
write(r0+0x201008, 0x3) = 0
write(r0+0x401008, 0x4) = 0
mprotect(r0+0x400000, 0x200000, PROT_READ) = 0
madvise(r0, 0x200000, MADV_PAGEOUT) = 0
#! p0 pte r0 P US A NX Z
#! p0 pte r0+0x1000 P RW US A D NX f0
#! p0 pte r0+0x1ff000 P US A NX Z
r1 = fork() = 1
madvise(r0+0x200000, 0x200000, MADV_PAGEOUT) = 0
#! p0 pte r0+0x200000 P US A PSE SavedDirty NX page
p1: exit(0) = 0
madvise(r0+0x400000, 0x200000, MADV_PAGEOUT) = 0
#! p0 pte r0+0x400000 P US A NX Z
#! p0 pte r0+0x401000 P US A SavedDirty NX page
write(r0+0x5008, 0x9) = 0
write(r0+0x1010, 0x9) = 0
#! p0 pte r0+0x5000 P RW US A D NX page
#! p0 pte r0+0x1000 P RW US A D NX f0
read(r0+0x1008) = 0x1
