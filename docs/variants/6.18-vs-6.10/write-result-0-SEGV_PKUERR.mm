# mmdiff 1
# divergence: write result 0/SEGV_PKUERR
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 4 write: 0x0 vs fault SIGSEGV SEGV_PKUERR
# seed: 1
# minimized: 22 -> 5 ops
# found: 2026-11-22T08:38:56.977Z
r0 = mmap(NULL, 0x8000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff7000
r1 = mmap(r0, 0x1000, PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff7000
mseal(r1+0x7000, 0x1000, 0) = 0
mprotect(r0, 0x8000, PROT_WRITE) = -EPERM
write(r1, 0) = 0
