# mmdiff 1
# machine shstk=1
# divergence: wrss result SEGV_ACCERR/0
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 3 wrss: fault SIGSEGV SEGV_ACCERR vs 0x0
# seed: 1
# minimized: 12 -> 4 ops
# found: 2026-11-22T08:40:32.256Z
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
r0 = mmap(NULL, 0x1000, PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
arch_prctl(ARCH_SHSTK_ENABLE, 0x2) = 0
wrss(r0, 0) = fault SIGSEGV SEGV_ACCERR
