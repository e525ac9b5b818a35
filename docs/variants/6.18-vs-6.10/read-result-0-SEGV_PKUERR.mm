# mmdiff 1
# divergence: read result 0/SEGV_PKUERR
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 4 read: 0x0 vs fault SIGSEGV SEGV_PKUERR
# seed: 1
# minimized: 23 -> 5 ops
# found: 2026-11-22T08:39:18.379Z
r0 = mmap(NULL, 0x4000, PROT_NONE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, 0, 0) = 0
mseal(r0+0x2000, 0xfff, 0) = 0
mprotect(NULL, 0x1000, PROT_EXEC) = 0
mprotect(NULL, 0x4000, PROT_READ) = -EPERM
read(NULL) = 0
