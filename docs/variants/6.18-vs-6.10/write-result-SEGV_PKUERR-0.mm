# mmdiff 1
# divergence: write result SEGV_PKUERR/0
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 3 write: fault SIGSEGV SEGV_PKUERR vs 0x0
# seed: 1
# minimized: 20 -> 4 ops
# found: 2026-11-22T08:38:51.604Z
r0 = mmap(NULL, 0x6000, PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff9000
mseal(r0+0x4000, 0x1000, 0) = 0
mprotect(r0, 0x6000, PROT_EXEC) = -EPERM
write(r0, 0) = fault SIGSEGV SEGV_PKUERR
