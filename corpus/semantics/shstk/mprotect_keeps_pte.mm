# mmdiff 1
# SEMANTICS §10.8, §10.5 + docs/conventions.md (pte_modify): a present shadow-stack PTE (RW=0 D=1) stays one
# across mprotect(PROT_READ) (pte_modify keeps D and SavedDirty), becomes PROTNONE with A D SavedDirty under
# PROT_NONE (RET then SEGV_ACCERR) and a present shadow-stack PTE again with PROT_READ|PROT_WRITE.
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
call(0x401000) = 0
mprotect(0x7ffff7dff000, 0x1000, PROT_READ) = 0
#! p0 pte 0x7ffff7dff000 P US A D SavedDirty NX page
call(0x402000) = 0
mprotect(0x7ffff7dff000, 0x1000, PROT_NONE) = 0
#! p0 pte 0x7ffff7dff000 A D PROTNONE SavedDirty page
ret(0x402000) = fault SIGSEGV SEGV_ACCERR
mprotect(0x7ffff7dff000, 0x1000, PROT_READ|PROT_WRITE) = 0
#! p0 pte 0x7ffff7dff000 P US A D SavedDirty NX page
ret(0x402000) = 0
