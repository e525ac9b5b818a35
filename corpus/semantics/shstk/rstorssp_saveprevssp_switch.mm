# mmdiff 1
# SEMANTICS §10.10 RSTORSSP/SAVEPREVSSP (Intel SDM; selftest test_shstk_pivot): RSTORSSP m checks the restore
# token at m (address of the token + 8 == token & ~3, mode bit; else #CP SEGV_CPERR, unaligned → #GP SI_KERNEL),
# replaces it with a previous-SSP token (old SSP | 2 | 1) and sets SSP = m; SAVEPREVSSP pops it and writes a
# restore token (old SSP | 1) on the old stack.
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
r0 = map_shadow_stack(NULL, 0x1000, SHADOW_STACK_SET_TOKEN)
rstorssp(r0+0xff0) = fault SIGSEGV SEGV_CPERR
rstorssp(r0+0xffc) = fault SIGSEGV SI_KERNEL
#! p0 ssp 0x7ffff7e00000
rstorssp(r0+0xff8) = 0
#! p0 ssp r0+0xff8
read(r0+0xff8) = 0x7ffff7e00003
saveprevssp() = 0
#! p0 ssp r0+0x1000
read(0x7ffff7dffff8) = 0x7ffff7e00001
rstorssp(0x7ffff7dffff8) = 0
#! p0 ssp 0x7ffff7dffff8
read(0x7ffff7dffff8) = 0x7ffff7fff003
saveprevssp() = 0
#! p0 ssp 0x7ffff7e00000
read(r0+0xff8) = 0x7ffff7fff001
