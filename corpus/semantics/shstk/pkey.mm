# mmdiff 1
# SEMANTICS §10.6, §9.3 + docs/conventions.md (PKRU): the hardware checks only access-disable for a shadow-stack
# access to a shadow-stack PTE (Intel SDM 4.6.2): with the key write-disabled, WRSS to the present token page
# works. A shadow-stack store that faults (page not present) reaches arch/x86/mm/fault.c: access_error with
# X86_PF_WRITE set, and arch_vma_access_permitted refuses it for the write-disabled key → SEGV_PKUERR
# (bad_area_access_error). Access-disable refuses every shadow-stack access (SEGV_PKUERR); normal reads obey PKRU
# as usual. pkey_mprotect of a shadow stack keeps VM_SHADOW_STACK and rewrites the PTE's key.
# machine shstk=1
r0 = map_shadow_stack(NULL, 0x2000, SHADOW_STACK_SET_TOKEN) = 0x7ffff7ffd000
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK) = 0
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_WRSS) = 0
r1 = pkey_alloc(0, 0) = 1
pkey_mprotect(r0, 0x2000, PROT_READ|PROT_WRITE, r1) = 0
#! p0 vmas 0x7ffff7600000..0x7ffff7e00000 rw- account shadow_stack | r0..r0+0x2000 rw- pkey=1 account shadow_stack
#! p0 pte r0+0x1000 P US A D SavedDirty NX PKEY=1 page
wrpkru(0x55555558) = 0
wrss(r0+0x1000, 0x2) = 0
wrss(r0, 0x2) = fault SIGSEGV SEGV_PKUERR
#! p0 pte r0 none
read(r0+0x1000) = 0x2
wrpkru(0x55555554) = 0
wrss(r0+0x1000, 0x3) = fault SIGSEGV SEGV_PKUERR
read(r0+0x1000) = fault SIGSEGV SEGV_PKUERR
wrpkru(0x55555550) = 0
wrss(r0, 0x3) = 0
#! p0 pte r0 P US A D SavedDirty NX PKEY=1 page
read(r0+0x1000) = 0x2
