# mmdiff 1
# divergence: exit proc.pkeys
# class: proc
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: p0 pkeys 3 vs 1
# seed: 1
# minimized: 22 -> 4 ops
# found: 2026-11-22T08:39:12.770Z
r0 = mmap(NULL, 0x6000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff9000
mseal(r0+0x3000, 0x1000, 0) = 0
mprotect(r0, 0x6000, PROT_EXEC) = -EPERM
exit(0) = 0
