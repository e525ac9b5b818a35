# mmdiff 1
# THP fault (machine thp=1, zeroPage=0 as on this host): in a VM_HUGEPAGE private anonymous VMA
# whose aligned 2 MiB block has no page table yet, a fault maps the whole block with one PMD
# (mm/memory.c: __handle_mm_fault -> create_huge_pmd -> mm/huge_memory.c: do_huge_pmd_anonymous_page):
# a zeroed folio, map_anon_folio_pmd_nopf = maybe_pmd_mkwrite(pmd_mkdirty()) — RW D even for a read
# when the zero page is forbidden. Every 4K page reports the PMD leaf (PSE) with its own frame.
# Seen on the live kernel with the PTE walker.
# machine zeroPage=0
r0 = mmap(0x40000000, 0x400000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
madvise(r0, 0x400000, MADV_HUGEPAGE) = 0
write(r0+0x1008, 0x41) = 0
#! p0 pte r0 P RW US A D PSE NX f0
#! p0 pte r0+0x1000 P RW US A D PSE NX f1
#! p0 pte r0+0x1ff000 P RW US A D PSE NX f511
#! p0 pte r0+0x200000 none
read(r0+0x3ff000) = 0
#! p0 pte r0+0x200000 P RW US A D PSE NX f512
#! p0 pte r0+0x3ff000 P RW US A D PSE NX f1023
read(r0+0x1008) = 0x41
