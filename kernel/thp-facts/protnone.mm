# mmdiff 1
# machine thp=1
# mprotect of the whole block keeps the PMD (change_huge_pmd): PROT_READ P US A PSE
# SavedDirty NX, PROT_NONE A PSE PROTNONE SavedDirty (P clear, the PFN inverted as in a 4 KiB
# PROTNONE entry), back to RW P RW US A D PSE NX.
r0 = mmap(0x40000000, 0x200000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
madvise(r0, 0x200000, MADV_HUGEPAGE) = 0
write(r0+0x1000, 0x41) = 0
mprotect(r0, 0x200000, PROT_READ) = 0
#! p0 pte r0+0x1000 P US A PSE SavedDirty NX f1
mprotect(r0, 0x200000, PROT_NONE) = 0
#! p0 pte r0 A PSE PROTNONE SavedDirty f0
#! p0 pte r0+0x1ff000 A PSE PROTNONE SavedDirty f511
mprotect(r0, 0x200000, PROT_READ|PROT_WRITE) = 0
#! p0 pte r0+0x1000 P RW US A D PSE NX f1
