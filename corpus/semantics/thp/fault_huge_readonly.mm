# mmdiff 1
# THP read fault in a read-only VM_HUGEPAGE VMA without the zero page (this host): pmd_mkdirty on an
# entry without RW keeps the dirtiness in SavedDirty (arch/x86/include/asm/pgtable.h: pmd_mkdirty ->
# mksaveddirty_shift), maybe_pmd_mkwrite leaves it read-only (mm/huge_memory.c:
# map_anon_folio_pmd_nopf). Seen on the live kernel. Without VM_HUGEPAGE the same read maps one 4K page.
# machine zeroPage=0
r0 = mmap(0x40000000, 0x400000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
madvise(r0, 0x200000, MADV_HUGEPAGE) = 0
read(r0+0x1008) = 0
#! p0 pte r0+0x1000 P US A PSE SavedDirty NX page
#! p0 pte r0+0x1ff000 P US A PSE SavedDirty NX page
read(r0+0x201008) = 0
#! p0 pte r0+0x201000 P US A NX page
#! p0 pte r0+0x202000 none
