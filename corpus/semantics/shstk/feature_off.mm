# mmdiff 1
# SEMANTICS §10.1, §10.10 + docs/conventions.md "Shadow stacks": with CET present but the process's SHSTK
# feature off, CALL/RET are plain instructions and INCSSP/WRSS/RSTORSSP/SAVEPREVSSP #UD; arch/x86/kernel/shstk.c:
# wrss_control — WRSS needs SHSTK enabled (EPERM both ways); shstk_disable — already disabled: 0;
# map_shadow_stack does not need the feature. After ENABLE, WRSS is still #UD until ARCH_SHSTK_WRSS is enabled.
# machine shstk=1
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
call(0x401000) = 0
ret(0x402000) = 0
incssp(3) = fault SIGILL ILL_ILLOPN
wrss(r0, 0x1) = fault SIGILL ILL_ILLOPN
rstorssp(r0) = fault SIGILL ILL_ILLOPN
saveprevssp() = fault SIGILL ILL_ILLOPN
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_WRSS) = -EPERM
arch_prctl(ARCH_SHSTK_DISABLE, ARCH_SHSTK_WRSS) = -EPERM
arch_prctl(ARCH_SHSTK_DISABLE, ARCH_SHSTK_SHSTK) = 0
arch_prctl(ARCH_SHSTK_STATUS, r0) = 0
read(r0) = 0
r1 = map_shadow_stack(NULL, 0x1000, SHADOW_STACK_SET_TOKEN) = 0x7ffff7ffe000
read(r1+0xff8) = 0x7ffff7fff001
#! p0 ssp 0 | shstk 0
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK) = 0
#! p0 ssp 0x7ffff7e00000 | shstk 0x1
wrss(r1, 0x1) = fault SIGILL ILL_ILLOPN
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_WRSS) = 0
wrss(r1, 0x1) = 0
read(r1) = 0x1
#! p0 shstk 0x3
