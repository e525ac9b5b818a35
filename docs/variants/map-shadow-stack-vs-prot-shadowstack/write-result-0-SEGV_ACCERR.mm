# mmdiff 1
# machine shstk=1
# divergence: write result 0/SEGV_ACCERR
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 1 write: 0x0 vs fault SIGSEGV SEGV_ACCERR
# seed: 1
# minimized: 19 -> 2 ops
# found: 2026-11-22T08:40:32.512Z
r0 = mmap(NULL, 0x1000, PROT_WRITE|PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
write(r0, 0) = 0
