# mmdiff 1
# divergence: read result 0/SEGV_ACCERR
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 4 read: 0x0 vs fault SIGSEGV SEGV_ACCERR
# seed: 1
# minimized: 23 -> 5 ops
# found: 2026-11-22T08:39:10.946Z
r0 = mmap(NULL, 0x8000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff7000
r1 = mmap(NULL, 0x2000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff5000
mseal(r0, 0x1000, 0) = 0
mprotect(0x7ffff7ff5000, 0x4000, PROT_READ) = -EPERM
read(r1) = 0
