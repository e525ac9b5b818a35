# mmdiff 1
# SEMANTICS §5.2 MADV_PAGEOUT of private anonymous memory, corrected by the live 6.18 kernel (model,kernel campaign):
# without swap, mm/vmscan.c: shrink_folio_list re-activates a swap-backed anon folio before unmapping it (the
# written page r0+0x1000 stays), but a folio that is not swap-backed is unmapped and discarded (mm/rmap.c:
# try_to_unmap_one): a MADV_FREE'd one whose PTE is still clean (r0: lazyfree, mm/swap.c: folio_mark_lazyfree),
# and any folio of a VM_DROPPABLE VMA even when dirty (r1). A lazyfree page written again (r0+0x2000) has a dirty
# PTE: it turns swap-backed and stays. Discarded pages read back as zero.
r0 = mmap(NULL, 0x4000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ffb000
write(r0, 0x5) = 0
write(r0+0x1000, 0x6) = 0
write(r0+0x2000, 0x8) = 0
madvise(r0, 0x1000, MADV_FREE) = 0
madvise(r0+0x2000, 0x1000, MADV_FREE) = 0
write(r0+0x2000, 0x9) = 0
madvise(r0, 0x4000, MADV_PAGEOUT) = 0
r1 = mmap(NULL, 0x2000, PROT_READ|PROT_WRITE, MAP_DROPPABLE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ff9000
write(r1, 0x7) = 0
madvise(r1, 0x2000, MADV_PAGEOUT) = 0
#! p0 pte r0 none
#! p0 pte r0+0x1000 P RW US A D NX page
#! p0 pte r0+0x2000 P RW US A D NX page
#! p0 pte r1 none
read(r0) = 0
read(r0+0x1000) = 0x6
read(r0+0x2000) = 0x9
read(r1) = 0
