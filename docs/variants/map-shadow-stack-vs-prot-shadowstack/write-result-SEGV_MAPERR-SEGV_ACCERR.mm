# mmdiff 1
# machine shstk=1
# divergence: write result SEGV_MAPERR/SEGV_ACCERR
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 1 write: fault SIGSEGV SEGV_MAPERR vs fault SIGSEGV SEGV_ACCERR
# seed: 1
# minimized: 24 -> 2 ops
# found: 2026-11-22T08:41:22.458Z
r0 = mmap(NULL, 0x2000, PROT_WRITE|PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffd000
write(r0+0x1fff, 0) = fault SIGSEGV SEGV_MAPERR
