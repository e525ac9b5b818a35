# mmdiff 1
# SEMANTICS §10 (intro) + docs/conventions.md "Shadow stacks" (cfg.shstk off): kernel/sys_ni.c — map_shadow_stack
# is not built without CONFIG_X86_USER_SHADOW_STACK (ENOSYS, whatever the flags); arch/x86/include/asm/shstk.h —
# the shstk_prctl stub refuses every ARCH_SHSTK_* option (EINVAL; STATUS writes nothing). CALL and RET
# are plain instructions (no shadow-stack effect); INCSSP, WRSS, RSTORSSP and SAVEPREVSSP are #UD (SIGILL
# ILL_ILLOPN; Intel SDM INCSSP: #UD if CR4.CET = 0 — confirmed by an exported case on this machine's CPU).
# SSP and the features stay 0. This is the live machines' configuration.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
map_shadow_stack(NULL, 0x1000, 0) = -ENOSYS
map_shadow_stack(NULL, 0x1000, SHADOW_STACK_SET_MARKER) = -ENOSYS
map_shadow_stack(0x1000, 7, SHADOW_STACK_SET_TOKEN) = -ENOSYS
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK) = -EINVAL
arch_prctl(ARCH_SHSTK_DISABLE, ARCH_SHSTK_SHSTK) = -EINVAL
arch_prctl(ARCH_SHSTK_LOCK, ARCH_SHSTK_WRSS) = -EINVAL
arch_prctl(ARCH_SHSTK_UNLOCK, ARCH_SHSTK_WRSS) = -EINVAL
arch_prctl(ARCH_SHSTK_STATUS, r0) = -EINVAL
call(0x401000) = 0
ret(0x402000) = 0
incssp(1) = fault SIGILL ILL_ILLOPN
wrss(r0, 0x1) = fault SIGILL ILL_ILLOPN
rstorssp(r0) = fault SIGILL ILL_ILLOPN
saveprevssp() = fault SIGILL ILL_ILLOPN
#! p0 ssp 0 | shstk 0
#! p0 pte r0 none
#! p0 vmas r0..r0+0x1000 rw- account
read(r0) = 0
