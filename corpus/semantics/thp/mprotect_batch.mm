# mmdiff 1
# mprotect rewrites the PTEs that map consecutive pages of one large folio as a batch (mm/mprotect.c:
# change_pte_range -> mprotect_folio_pte_batch, modify_prot_start_ptes -> get_and_clear_full_ptes): the
# batch's Accessed and dirty bits are ORed, so one young PTE makes every PTE of the batch young, a batch
# without a young PTE stays old, and PTEs outside the range keep theirs. The child's PTEs are old after
# fork (copy_huge_pmd), its partial mprotect splits its PMD, one read makes one page young.
# Seen on the live kernel.
# machine zeroPage=0
r0 = mmap(0x40000000, 0x200000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
madvise(r0, 0x200000, MADV_HUGEPAGE) = 0
write(r0, 0x1) = 0
r1 = fork() = 1
p1: mprotect(r0+0x1ff000, 0x1000, PROT_READ) = 0
p1: read(r0+0x8000) = 0
#! p1 pte r0+0x7000 P US SavedDirty NX page
#! p1 pte r0+0x8000 P US A SavedDirty NX page
p1: mprotect(r0+0x4000, 0x10000, PROT_READ) = 0
#! p1 pte r0+0x3000 P US SavedDirty NX page
#! p1 pte r0+0x4000 P US A SavedDirty NX page
#! p1 pte r0+0x13000 P US A SavedDirty NX page
#! p1 pte r0+0x14000 P US SavedDirty NX page
p1: mprotect(r0+0x40000, 0x4000, PROT_NONE) = 0
#! p1 pte r0+0x40000 PROTNONE SavedDirty page
