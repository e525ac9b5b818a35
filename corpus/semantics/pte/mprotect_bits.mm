# mmdiff 1
# SEMANTICS §3.2, §10.5 pte_modify: arch/x86/include/asm/pgtable.h: pte_modify, mm/mprotect.c:
# change_pte_range — mprotect(PROT_READ) of a written private page clears RW and moves D to SavedDirty
# (A, frame kept); mprotect back to RW makes an exclusive anonymous page writable again at once
# (MM_CP_TRY_CHANGE_WRITABLE + can_change_pte_writable: RW set, SavedDirty back to D) but leaves a
# zero-page PTE read-only; PROT_EXEC drops NX.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x1) = 0
read(r0+0x1000) = 0
mprotect(r0, 0x2000, PROT_READ) = 0
#! p0 pte r0 P US A SavedDirty NX f0
#! p0 pte r0+0x1000 P US A NX Z
mprotect(r0, 0x2000, PROT_READ|PROT_WRITE) = 0
#! p0 pte r0 P RW US A D NX f0
#! p0 pte r0+0x1000 P US A NX Z
mprotect(r0, 0x2000, PROT_READ|PROT_EXEC) = 0
#! p0 pte r0 P US A SavedDirty f0
#! p0 pte r0+0x1000 P US A Z
read(r0) = 0x1
