# mmdiff 1
# divergence: mprotect proc.pkeys
# class: proc
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: p0 pkeys 3 vs 1
# seed: 1
# minimized: 24 -> 3 ops
# found: 2026-11-22T08:38:40.351Z
r0 = mmap(NULL, 0x4000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffb000
mseal(r0, 0x1000, 0) = 0
mprotect(0x7ffff7ffb000, 0x1000, PROT_EXEC) = -EPERM
