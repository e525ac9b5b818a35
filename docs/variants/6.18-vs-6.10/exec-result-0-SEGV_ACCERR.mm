# mmdiff 1
# divergence: exec result 0/SEGV_ACCERR
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 4 exec: 0x0 vs fault SIGSEGV SEGV_ACCERR
# seed: 1
# minimized: 24 -> 5 ops
# found: 2026-11-22T08:39:15.925Z
r0 = mmap(NULL, 0xc000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff3000
mseal(r0+0x3000, 0x1000, 0) = 0
r1 = mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff2000
mprotect(r1, 0x6000, PROT_EXEC) = -EPERM
exec(0x7ffff7ff5000) = 0
