# mmdiff 1
# SEMANTICS §10.10 SAVEPREVSSP (Intel SDM; docs/conventions.md): it loads the entry at SSP (a fault there, e.g. the
# unmapped page above the stack, is reported first), which must be a previous-SSP token (bit 1 set) — a return
# address is not: #GP → SIGSEGV SI_KERNEL, SSP unchanged. With old = token & ~3 it stores 4 zero bytes at old - 4,
# then the restore token old | 1 at (old & ~7) - 8, and pops (SSP += 8); an old SSP ≡ 4 (mod 8) keeps the zero
# bytes (alignment hole). A target outside a shadow stack → SEGV_ACCERR with nothing stored and SSP unchanged.
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK) = 0
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_WRSS) = 0
saveprevssp() = fault SIGSEGV SEGV_MAPERR
call(0x401000) = 0
saveprevssp() = fault SIGSEGV SI_KERNEL
#! p0 ssp 0x7ffff7dffff8
r0 = map_shadow_stack(NULL, 0x2000, 0) = 0x7ffff7ffd000
wrss(r0+0x1008, 0xffffffffffffffff) = 0
wrss(0x7ffff7dffff8, 0x7ffff7ffe00f) = 0
saveprevssp() = 0
#! p0 ssp 0x7ffff7e00000
read(r0+0x1000) = 0x7ffff7ffe00d
read(r0+0x1008) = 0xffffffff00000000
call(0x401000) = 0
r1 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
wrss(0x7ffff7dffff8, 0x10001003) = 0
saveprevssp() = fault SIGSEGV SEGV_ACCERR
#! p0 ssp 0x7ffff7dffff8
#! p0 pte r1 none
wrss(0x7ffff7dffff8, 0x7ffff7ffe003) = 0
saveprevssp() = 0
read(r0+0xff8) = 0x7ffff7ffe001
read(r0+0x1000) = 0x7ffff7ffe00d
#! p0 ssp 0x7ffff7e00000
