# mmdiff 1
# SEMANTICS §5.2 WILLNEED/COLD/PAGEOUT, docs/conventions.md: mm/madvise.c: madvise_cold_or_pageout_pte_range
# — COLD and PAGEOUT change no contents and no VMA; COLD clears the Accessed bit of present PTEs of
# exclusively mapped anonymous pages (not the zero page); PAGEOUT (`!pageout && pte_young` is false)
# leaves PTEs alone and, with no swap, mm/vmscan.c: shrink_folio_list re-activates the anon folio.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x1) = 0
read(r0+0x1000) = 0
madvise(r0, 0x2000, MADV_COLD) = 0
#! p0 pte r0 P RW US D NX page
#! p0 pte r0+0x1000 P US A NX Z
read(r0) = 0x1
#! p0 pte r0 P RW US A D NX page
madvise(r0, 0x2000, MADV_PAGEOUT) = 0
#! p0 pte r0 P RW US A D NX page
#! p0 pte r0+0x1000 P US A NX Z
madvise(r0, 0x2000, MADV_WILLNEED) = 0
read(r0) = 0x1
#! p0 vmas r0..r0+0x2000 rw- account
