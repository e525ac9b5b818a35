# mmdiff 1
# SEMANTICS §10.10 RSTORSSP (Intel SDM; docs/conventions.md): m not 8-aligned → #GP (SIGSEGV SI_KERNEL); the token
# is read (and written back) with a locked shadow-stack access; it must be a 64-bit restore token, bits 1:0 == 01
# (a previous-SSP token with bit 1, or bit 0 clear, fails), holding the address just above it:
# ((token & ~1) - 8) & ~7 == m, so m+8 or m+12 (an alignment hole); otherwise #CP(RSTORSSP) → SEGV_CPERR with
# SSP and the token unchanged. On success [m] := SSP | 2 | 1 and SSP := m. Normal memory → SEGV_ACCERR (a
# shadow-stack access outside a VM_SHADOW_STACK VMA), unmapped → SEGV_MAPERR, non-canonical → #GP.
# machine shstk=1
r0 = map_shadow_stack(NULL, 0x1000, SHADOW_STACK_SET_TOKEN) = 0x7ffff7ffe000
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK) = 0
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_WRSS) = 0
#! p0 ssp 0x7ffff7e00000
rstorssp(r0+0xff4) = fault SIGSEGV SI_KERNEL
rstorssp(r0+0xff0) = fault SIGSEGV SEGV_CPERR
wrss(r0+0xff0, 0x7ffff7fff003) = 0
rstorssp(r0+0xff0) = fault SIGSEGV SEGV_CPERR
wrss(r0+0xff0, 0x7ffff7fff000) = 0
rstorssp(r0+0xff0) = fault SIGSEGV SEGV_CPERR
wrss(r0+0xff0, 0x7ffff7fff001) = 0
rstorssp(r0+0xff0) = fault SIGSEGV SEGV_CPERR
read(r0+0xff0) = 0x7ffff7fff001
#! p0 ssp 0x7ffff7e00000
wrss(r0+0xff0, 0x7ffff7ffeffd) = 0
rstorssp(r0+0xff0) = 0
#! p0 ssp r0+0xff0
read(r0+0xff0) = 0x7ffff7e00003
rstorssp(r0+0xff8) = 0
#! p0 ssp r0+0xff8
read(r0+0xff8) = 0x7ffff7ffeff3
r1 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r1, 0x10000009) = 0
rstorssp(r1) = fault SIGSEGV SEGV_ACCERR
rstorssp(0x20000000) = fault SIGSEGV SEGV_MAPERR
rstorssp(0x800000000000) = fault SIGSEGV SI_KERNEL
#! p0 ssp r0+0xff8
read(r1) = 0x10000009
