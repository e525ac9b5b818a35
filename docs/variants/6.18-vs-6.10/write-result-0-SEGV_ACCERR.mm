# mmdiff 1
# divergence: write result 0/SEGV_ACCERR
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 3 write: 0x0 vs fault SIGSEGV SEGV_ACCERR
# seed: 1
# minimized: 22 -> 4 ops
# found: 2026-11-22T08:38:34.611Z
r0 = mmap(NULL, 0x10000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7fef000
mseal(0x7ffff7ff4000, 0x1000, 0) = 0
mprotect(r0, 0x8000, PROT_WRITE) = -EPERM
write(0x7ffff7ff0000, 0) = 0
