# mmdiff 1
# SEMANTICS §10.7, §10.5 + docs/conventions.md: arch/x86/include/asm/pgtable.h: pte_write — a PROT_NONE
# shadow-stack entry (D=1, RW=0) counts as writable (pte_shstk tests (RW|D) == D), so fork's copy_present_pte
# write-protects it too: D becomes SavedDirty in the parent and the child (child without A).
# machine shstk=1
r0 = map_shadow_stack(NULL, 0x1000, SHADOW_STACK_SET_TOKEN)
mprotect(r0, 0x1000, PROT_NONE) = 0
#! p0 pte r0 A D PROTNONE SavedDirty f0
r1 = fork()
#! p0 pte r0 A PROTNONE SavedDirty f0
#! p1 pte r0 PROTNONE SavedDirty f0
