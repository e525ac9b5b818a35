# mmdiff 1
# divergence: mmap proc.pkeys
# class: proc
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: p0 pkeys 3 vs 1
# seed: 1
# minimized: 24 -> 4 ops
# found: 2026-11-22T08:39:03.818Z
r0 = mmap(NULL, 0xc000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff3000
mseal(r0+0x3000, 0x1000, 0) = 0
mprotect(0x7ffff7ff4000, 0x3000, PROT_EXEC) = -EPERM
mmap(0x7ffff7ff3000, 0x3000, PROT_NONE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff3000
