# mmdiff 1
# divergence: read result SEGV_PKUERR/0
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 3 read: fault SIGSEGV SEGV_PKUERR vs 0x0
# seed: 1
# minimized: 24 -> 4 ops
# found: 2026-11-22T08:38:44.128Z
r0 = mmap(NULL, 0x6000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff9000
mseal(r0+0x3000, 0x1000, 0) = 0
mprotect(r0, 0x6000, PROT_EXEC) = -EPERM
read(r0) = fault SIGSEGV SEGV_PKUERR
