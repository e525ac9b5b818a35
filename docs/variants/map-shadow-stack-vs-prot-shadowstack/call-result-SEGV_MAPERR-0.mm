# mmdiff 1
# machine shstk=1
# divergence: call result SEGV_MAPERR/0
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 3 call: fault SIGSEGV SEGV_MAPERR vs 0x0
# seed: 1
# minimized: 24 -> 4 ops
# found: 2026-11-22T08:41:09.689Z
r0 = mmap(NULL, 0x200000, PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7c00000
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
munmap(r0-0x2000, 0x2000) = 0
call(NULL) = fault SIGSEGV SEGV_MAPERR
