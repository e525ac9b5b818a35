# mmdiff 1
# divergence: mremap vma.bounds
# class: vma
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: p0 vma 0: 0x7ffff7ff5000-0x7ffff7ffa000 --- pkey=0 vs 0x7ffff7ff5000-0x7ffff7ffc000 --- pkey=0
# seed: 1
# minimized: 18 -> 3 ops
# found: 2026-11-22T08:38:38.979Z
r0 = mmap(NULL, 0xa000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff5000
mseal(r0+0x7000, 0x1000, 0) = 0
mremap(r0+0x4000, 0x4000, 0x1000, 0, NULL) = -EPERM
