# mmdiff 1
# machine thp=1
# A partial munmap, MADV_DONTNEED or mprotect splits the PMD (__split_huge_pmd_locked):
# every remaining PTE takes the PMD's bits, A and D included (D though only one page was
# written); the read-only part's D moves to SavedDirty. A whole-block mprotect keeps the
# PMD, a whole-block DONTNEED zaps it.
r0 = mmap(0x40000000, 0x800000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
madvise(r0, 0x800000, MADV_HUGEPAGE) = 0
write(r0+0x1000, 0x41) = 0
write(r0+0x200000, 0x42) = 0
write(r0+0x400000, 0x43) = 0
write(r0+0x600000, 0x44) = 0
munmap(r0+0x3000, 0x1000) = 0
#! p0 pte r0 P RW US A D NX f0
#! p0 pte r0+0x3000 none
#! p0 pte r0+0x4000 P RW US A D NX f3
madvise(r0+0x204000, 0x1000, MADV_DONTNEED) = 0
#! p0 pte r0+0x203000 P RW US A D NX f514
#! p0 pte r0+0x204000 none
mprotect(r0+0x500000, 0x100000, PROT_READ) = 0
#! p0 pte r0+0x4ff000 P RW US A D NX page
#! p0 pte r0+0x500000 P US A SavedDirty NX page
mprotect(r0+0x600000, 0x200000, PROT_READ) = 0
#! p0 pte r0+0x600000 P US A PSE SavedDirty NX page
madvise(r0+0x200000, 0x200000, MADV_DONTNEED) = 0
#! p0 pte r0+0x203000 none
