# mmdiff 1
# divergence: munmap vma.bounds
# class: vma
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: p0 vma 0: 0x7ffff7ffb000-0x7ffff7ffd000 --- pkey=0 vs 0x7ffff7ffb000-0x7ffff7ffe000 --- pkey=0
# seed: 1
# minimized: 22 -> 3 ops
# found: 2026-11-22T08:38:32.066Z
r0 = mmap(NULL, 0x4000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffb000
mseal(r0+0x3000, 0x1000, 0) = 0
munmap(r0+0x2000, 0x2000) = -EPERM
