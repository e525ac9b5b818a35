# mmdiff 1
# SEMANTICS §10.1, §10.10 + docs/conventions.md "Shadow stacks": a CET kernel and CPU (shstk=1), but the
# process never enabled ARCH_SHSTK_SHSTK (arch/x86/kernel/shstk.c: features 0): CALL/RET are plain instructions, the
# shadow-stack instructions #UD (Intel SDM: CR4.CET set, IA32_U_CET.SH_STK_EN clear).
# machine shstk=1
call(0x401000) = 0
ret(0x402000) = 0
incssp(1) = fault SIGILL ILL_ILLOPN
wrss(0x10000000, 0x1) = fault SIGILL ILL_ILLOPN
rstorssp(0x10000000) = fault SIGILL ILL_ILLOPN
saveprevssp() = fault SIGILL ILL_ILLOPN
#! p0 ssp 0 | shstk 0
