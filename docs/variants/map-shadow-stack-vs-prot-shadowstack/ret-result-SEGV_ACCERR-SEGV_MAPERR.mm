# mmdiff 1
# machine shstk=1
# divergence: ret result SEGV_ACCERR/SEGV_MAPERR
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 2 ret: fault SIGSEGV SEGV_ACCERR vs fault SIGSEGV SEGV_MAPERR
# seed: 1
# minimized: 17 -> 3 ops
# found: 2026-11-22T08:40:52.825Z
mmap(NULL, 0x200000, PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7c00000
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
ret(NULL) = fault SIGSEGV SEGV_ACCERR
