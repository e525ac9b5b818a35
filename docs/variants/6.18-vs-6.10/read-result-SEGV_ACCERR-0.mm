# mmdiff 1
# divergence: read result SEGV_ACCERR/0
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 3 read: fault SIGSEGV SEGV_ACCERR vs 0x0
# seed: 1
# minimized: 21 -> 4 ops
# found: 2026-11-22T08:39:18.916Z
r0 = mmap(NULL, 0x4000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffb000
mseal(r0+0x3000, 0x1000, 0) = 0
mprotect(r0, 0x4000, PROT_NONE) = -EPERM
read(r0) = fault SIGSEGV SEGV_ACCERR
