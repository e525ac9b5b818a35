# mmdiff 1
# SEMANTICS §3.2 (PROT_NONE: P=0 + PROTNONE), §0 (PAGE_NONE = PROTNONE|A): arch/x86/include/asm/pgtable.h:
# pte_modify — mprotect(PROT_NONE) keeps the frame and A/dirtiness but clears P, RW, US and NX and sets
# PROTNONE (a written page's D is in SavedDirty since RW is gone); accesses are SEGV_ACCERR; mprotect back
# to RW restores a normal present PTE on the same frame.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x1) = 0
read(r0+0x1000) = 0
mprotect(r0, 0x2000, PROT_NONE) = 0
#! p0 pte r0 A PROTNONE SavedDirty f0
#! p0 pte r0+0x1000 A PROTNONE Z
read(r0) = fault SIGSEGV SEGV_ACCERR
write(r0+0x1000, 0x1) = fault SIGSEGV SEGV_ACCERR
mprotect(r0, 0x2000, PROT_READ|PROT_WRITE) = 0
#! p0 pte r0 P RW US A D NX f0
#! p0 pte r0+0x1000 P US A NX Z
read(r0) = 0x1
