# mmdiff 1
# SEMANTICS §10.10 WRSS, §10.6: WRSS needs ARCH_SHSTK_WRSS (#UD otherwise), an 8-aligned address (#GP → SIGSEGV
# SI_KERNEL, like a non-canonical address), a VM_SHADOW_STACK VMA (a normal page: SEGV_ACCERR; nothing mapped:
# SEGV_MAPERR, also for the kernel half); it writes with a shadow-stack store.
# machine shstk=1
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
r1 = map_shadow_stack(NULL, 0x1000, 0)
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
wrss(r1, 0x5) = fault SIGILL ILL_ILLOPN
arch_prctl(ARCH_SHSTK_ENABLE, 0x2) = 0
wrss(r1+0x4, 0x5) = fault SIGSEGV SI_KERNEL
wrss(r0, 0x5) = fault SIGSEGV SEGV_ACCERR
wrss(0x20000000, 0x5) = fault SIGSEGV SEGV_MAPERR
wrss(0x800000000000, 0x5) = fault SIGSEGV SI_KERNEL
wrss(0xffff800000000000, 0x5) = fault SIGSEGV SEGV_MAPERR
wrss(r1+0x10, 0x5) = 0
read(r1+0x10) = 0x5
#! p0 pte r1 P US A D SavedDirty NX page
#! p0 pte r0 none
