# mmdiff 1
# divergence: read result SEGV_PKUERR/val
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 4 read: fault SIGSEGV SEGV_PKUERR vs 0x1
# seed: 1
# minimized: 24 -> 5 ops
# found: 2026-11-22T08:39:05.294Z
r0 = mmap(NULL, 0x6000, PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff9000
mseal(r0+0x3000, 0x1000, 0) = 0
write(r0+0x2000, 0x1) = 0
mprotect(r0, 0x6000, PROT_EXEC) = -EPERM
read(r0+0x2000) = fault SIGSEGV SEGV_PKUERR
