# mmdiff 1
# machine shstk=1
# divergence: saveprevssp result SEGV_ACCERR/SEGV_MAPERR
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 2 saveprevssp: fault SIGSEGV SEGV_ACCERR vs fault SIGSEGV SEGV_MAPERR
# seed: 1
# minimized: 24 -> 3 ops
# found: 2026-11-22T08:40:57.289Z
mmap(NULL, 0x200000, PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7c00000
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
saveprevssp() = fault SIGSEGV SEGV_ACCERR
