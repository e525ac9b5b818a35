# mmdiff 1
# divergence: mprotect proc.pkru
# class: proc
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: p0 pkru 4 vs 0
# seed: 1
# minimized: 24 -> 4 ops
# found: 2026-11-22T08:38:53.249Z
r0 = mmap(NULL, 0x3000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffc000
mseal(r0+0x2000, 0x1000, 0) = 0
wrpkru(0) = 0
mprotect(r0+0x2000, 0x1000, PROT_EXEC) = -EPERM
