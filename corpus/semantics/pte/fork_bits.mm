# mmdiff 1
# SEMANTICS §8 copy_present_pte, §10.5 + docs/conventions.md (Dirty → SavedDirty on write-protect, always on
# x86-64): mm/memory.c: __copy_present_ptes — fork write-protects a writable private PTE in the parent
# (ptep_set_wrprotect: RW cleared, D moved to SavedDirty, A kept) and installs the same in the child made
# old (A=0); both point at the same frame.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x1) = 0
#! p0 pte r0 P RW US A D NX f0
r1 = fork() = 1
#! p0 pte r0 P US A SavedDirty NX f0
#! p1 pte r0 P US SavedDirty NX f0
