# mmdiff 1
# SEMANTICS §10 (intro), §10.10 + docs/conventions.md "Shadow stacks" (cfg.shstk off, the default machine):
# kernel/sys_ni.c — map_shadow_stack is ENOSYS; arch/x86/include/asm/shstk.h — the shstk_prctl stub refuses
# ARCH_SHSTK_* with EINVAL; CALL/RET are plain, INCSSP/WRSS/RSTORSSP/SAVEPREVSSP #UD (SIGILL ILL_ILLOPN).
# Nothing is mapped and SSP/features stay 0.
map_shadow_stack(NULL, 0x1000, SHADOW_STACK_SET_TOKEN) = -ENOSYS
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = -EINVAL
arch_prctl(ARCH_SHSTK_STATUS, 0x10000000) = -EINVAL
call(0x401000) = 0
ret(0x402000) = 0
incssp(3) = fault SIGILL ILL_ILLOPN
wrss(0x10000000, 0x1) = fault SIGILL ILL_ILLOPN
rstorssp(0x10000000) = fault SIGILL ILL_ILLOPN
saveprevssp() = fault SIGILL ILL_ILLOPN
#! p0 ssp 0 | shstk 0 | vmas none
