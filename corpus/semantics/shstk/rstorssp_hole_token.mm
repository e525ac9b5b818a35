# mmdiff 1
# SEMANTICS §10.10 RSTORSSP/SAVEPREVSSP (Intel SDM): a restore token whose address field is 4 bytes above the
# token's end (bit 2 set: the 4-byte alignment hole of a 32-bit push) is accepted; SAVEPREVSSP needs a
# previous-SSP token (bit 1) at SSP and refuses a restore token with #GP (SIGSEGV SI_KERNEL), SSP unchanged.
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
arch_prctl(ARCH_SHSTK_ENABLE, 0x2) = 0
r0 = map_shadow_stack(NULL, 0x1000, 0)
wrss(r0+0x800, r0+0x80d) = 0
rstorssp(r0+0x800) = 0
#! p0 ssp r0+0x800
wrss(r0+0x808, r0+0x901) = 0
incssp(1) = 0
saveprevssp() = fault SIGSEGV SI_KERNEL
#! p0 ssp r0+0x808
