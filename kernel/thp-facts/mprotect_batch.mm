# mmdiff 1
# machine thp=1
# mprotect of PTEs that map one large folio (a THP split into PTEs) changes them as a batch
# (mm/mprotect.c: change_pte_range → mprotect_folio_pte_batch, modify_prot_start_ptes): the
# Accessed bits of the batch are gathered, so one young PTE makes every PTE the batch
# rewrites young. A batch with no young PTE stays old. Here fork makes the child's copy
# old, a partial mprotect splits the child's PMD, and the child reads one page. Found by a
# thp=1 model,kernel campaign (the model kept A per PTE).
r0 = mmap(0x40000000, 0x200000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
madvise(r0, 0x200000, MADV_HUGEPAGE) = 0
write(r0, 0x1) = 0
r1 = fork() = 1
p1: mprotect(r0, 0x1000, PROT_READ) = 0
p1: read(r0+0x6000) = 0
#! p1 pte r0+0x5000 P US SavedDirty NX f5
#! p1 pte r0+0x6000 P US A SavedDirty NX f6
p1: mprotect(r0+0x1000, 0x9000, PROT_READ) = 0
#! p1 pte r0 P US SavedDirty NX f0
#! p1 pte r0+0x1000 P US A SavedDirty NX f1
#! p1 pte r0+0x5000 P US A SavedDirty NX f5
#! p1 pte r0+0x9000 P US A SavedDirty NX f9
#! p1 pte r0+0xa000 P US SavedDirty NX f10
p1: mprotect(r0+0x20000, 0x4000, PROT_NONE) = 0
#! p1 pte r0+0x20000 PROTNONE SavedDirty f32
