# mmdiff 1
# mprotect of whole blocks changes the PMD (mm/huge_memory.c: change_huge_pmd): pmd_modify moves D to
# SavedDirty when RW goes (as pte_modify), and making the VMA writable again upgrades an exclusive
# folio's PMD at once (MM_CP_TRY_CHANGE_WRITABLE, can_change_pmd_writable); PROT_NONE keeps the PMD
# as a PROTNONE leaf. mprotect of one 4K page splits the VMA and so the PMD. Seen on the live kernel.
# machine zeroPage=0
r0 = mmap(0x40000000, 0x400000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
madvise(r0, 0x400000, MADV_HUGEPAGE) = 0
write(r0+0x1008, 0x1) = 0
write(r0+0x201008, 0x2) = 0
mprotect(r0, 0x400000, PROT_READ) = 0
#! p0 pte r0 P US A PSE SavedDirty NX f0
write(r0+0x1010, 0x3) = fault SIGSEGV SEGV_ACCERR
mprotect(r0, 0x200000, PROT_READ|PROT_WRITE) = 0
#! p0 pte r0 P RW US A D PSE NX f0
mprotect(r0+0x200000, 0x200000, PROT_NONE) = 0
#! p0 pte r0+0x200000 A PSE PROTNONE SavedDirty f512
mprotect(r0+0x200000, 0x200000, PROT_READ|PROT_EXEC) = 0
read(r0+0x201008) = 0x2
#! p0 pte r0+0x200000 P US A PSE SavedDirty f512
mprotect(r0+0x1000, 0x1000, PROT_READ) = 0
#! p0 pte r0 P RW US A D NX f0
#! p0 pte r0+0x1000 P US A SavedDirty NX f1
