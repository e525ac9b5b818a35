# mmdiff 1
# SEMANTICS §10.10 SAVEPREVSSP (Intel SDM): when the previous SSP is 4 mod 8 (the token's bit 2), 4 zero bytes
# are stored at old - 4 before the restore token goes to (old & ~7) - 8; a token of 0 at the RSTORSSP target is #CP.
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
arch_prctl(ARCH_SHSTK_ENABLE, 0x2) = 0
r0 = map_shadow_stack(NULL, 0x1000, 0)
wrss(r0+0x108, 0xffffffffffffffff) = 0
wrss(r0+0x100, 0xffffffffffffffff) = 0
wrss(r0+0x800, r0+0x10e) = 0
wrss(r0+0x7f8, 0x0) = 0
rstorssp(r0+0x7f8) = fault SIGSEGV SEGV_CPERR
wrss(r0+0x7f8, r0+0x801) = 0
rstorssp(r0+0x7f8) = 0
incssp(1) = 0
saveprevssp() = 0
read(r0+0x108) = 0xffffffff00000000
read(r0+0x100) = 0x7ffff7ffe10d
#! p0 ssp r0+0x808
