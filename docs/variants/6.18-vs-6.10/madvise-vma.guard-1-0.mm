# mmdiff 1
# divergence: madvise vma.guard 1/0
# class: vma
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: p0 vma 0: 0x7ffff7ffd000-0x7ffff7ffe000 --- pkey=0 guard vs 0x7ffff7ffd000-0x7ffff7ffe000 --- pkey=0
# seed: 1
# minimized: 24 -> 3 ops
# found: 2026-11-22T08:38:51.613Z
mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_LOCKED, 0, 0) = 0x7ffff7ffe000
r0 = mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffd000
madvise(r0, 0x2000, MADV_GUARD_INSTALL) = -EINVAL
