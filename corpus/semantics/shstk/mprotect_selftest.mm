# mmdiff 1
# SEMANTICS §10.8 mprotect, §10.6; selftest test_mprotect; docs/conventions.md (pte_modify): mprotect(PROT_READ) of a
# shadow stack is allowed and keeps VM_SHADOW_STACK; a shadow-stack access that faults then fails in access_error
# (VM_WRITE missing) → SEGV_ACCERR, but the already-present shadow-stack PTE (the token page) keeps RW=0 D=1
# (arch/x86/include/asm/pgtable.h: pte_modify) and the CPU still accepts shadow-stack accesses to it; after
# mprotect(PROT_READ|PROT_WRITE) the faulting access works again. Normal reads work throughout.
# machine shstk=1
r0 = map_shadow_stack(NULL, 0x2000, SHADOW_STACK_SET_TOKEN) = 0x7ffff7ffd000
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK) = 0
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_WRSS) = 0
mprotect(r0, 0x2000, PROT_READ) = 0
#! p0 vmas 0x7ffff7600000..0x7ffff7e00000 rw- account shadow_stack | r0..r0+0x2000 r-- account shadow_stack
#! p0 pte r0+0x1000 P US A D SavedDirty NX page
wrss(r0, 0x12345678) = fault SIGSEGV SEGV_ACCERR
#! p0 pte r0 none
wrss(r0+0x1000, 0x12345678) = 0
read(r0+0x1000) = 0x12345678
read(r0) = 0
mprotect(r0, 0x2000, PROT_READ|PROT_WRITE) = 0
#! p0 vmas 0x7ffff7600000..0x7ffff7e00000 rw- account shadow_stack | r0..r0+0x2000 rw- account shadow_stack
wrss(r0, 0x12345678) = 0
#! p0 pte r0 P US A D SavedDirty NX page
read(r0) = 0x12345678
