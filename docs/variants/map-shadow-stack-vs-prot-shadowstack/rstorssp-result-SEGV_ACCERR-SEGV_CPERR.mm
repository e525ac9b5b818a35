# mmdiff 1
# machine shstk=1
# divergence: rstorssp result SEGV_ACCERR/SEGV_CPERR
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 2 rstorssp: fault SIGSEGV SEGV_ACCERR vs fault SIGSEGV SEGV_CPERR
# seed: 1
# minimized: 4 -> 3 ops
# found: 2026-11-22T08:40:31.751Z
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
r0 = mmap(NULL, 0x1000, PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
rstorssp(r0) = fault SIGSEGV SEGV_ACCERR
