# mmdiff 1
# divergence: munmap proc.pkru
# class: proc
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: p0 pkru 4 vs 0
# seed: 1
# minimized: 24 -> 5 ops
# found: 2026-11-22T08:39:25.374Z
r0 = mmap(NULL, 0x6000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff9000
mseal(r0+0x3000, 0x1000, 0) = 0
wrpkru(0) = 0
mprotect(r0+0x2000, 0x2000, PROT_EXEC) = -EPERM
munmap(r0+0x2000, 0x1000) = 0
