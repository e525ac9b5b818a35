# mmdiff 1
# SEMANTICS §10.6, §9.2: arch/x86/mm/fault.c: access_error — a shadow-stack access (WRSS, CALL) to a VMA
# without VM_SHADOW_STACK, or to a shadow stack that lost VM_WRITE (mprotect PROT_READ), is SEGV_ACCERR; SSP is
# unchanged.
# machine shstk=1
r0 = mmap(NULL, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
arch_prctl(ARCH_SHSTK_ENABLE, 0x2) = 0
wrss(r0, 0x1) = fault SIGSEGV SEGV_ACCERR
mprotect(0x7ffff7dfe000, 0x2000, PROT_READ) = 0
call(0x401000) = fault SIGSEGV SEGV_ACCERR
#! p0 ssp 0x7ffff7e00000
