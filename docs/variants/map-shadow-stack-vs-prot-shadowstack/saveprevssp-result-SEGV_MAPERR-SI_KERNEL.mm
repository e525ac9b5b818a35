# mmdiff 1
# machine shstk=1
# divergence: saveprevssp result SEGV_MAPERR/SI_KERNEL
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 4 saveprevssp: fault SIGSEGV SEGV_MAPERR vs fault SIGSEGV SI_KERNEL
# seed: 1
# minimized: 24 -> 5 ops
# found: 2026-11-22T08:41:16.199Z
r0 = mmap(NULL, 0x200000, PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7c00000
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
call(NULL) = 0
munmap(r0-0x2000, 0x2000) = 0
saveprevssp() = fault SIGSEGV SEGV_MAPERR
