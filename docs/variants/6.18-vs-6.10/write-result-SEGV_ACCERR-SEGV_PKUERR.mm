# mmdiff 1
# divergence: write result SEGV_ACCERR/SEGV_PKUERR
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 4 write: fault SIGSEGV SEGV_ACCERR vs fault SIGSEGV SEGV_PKUERR
# seed: 1
# minimized: 24 -> 5 ops
# found: 2026-11-22T08:38:42.278Z
r0 = mmap(NULL, 0x4000, PROT_NONE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, 0, 0) = 0
mseal(r0+0x2000, 0xfff, 0) = 0
mprotect(NULL, 0x1000, PROT_EXEC) = 0
mprotect(NULL, 0x4000, PROT_NONE) = -EPERM
write(NULL, 0) = fault SIGSEGV SEGV_ACCERR
