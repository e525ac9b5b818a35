# mmdiff 1
# machine shstk=1
# divergence: read result SEGV_ACCERR/0
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 1 read: fault SIGSEGV SEGV_ACCERR vs 0x0
# seed: 1
# minimized: 9 -> 2 ops
# found: 2026-11-22T08:40:33.449Z
r0 = mmap(NULL, 0x1000, PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
read(r0) = fault SIGSEGV SEGV_ACCERR
