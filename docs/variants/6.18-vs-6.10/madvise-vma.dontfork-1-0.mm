# mmdiff 1
# divergence: madvise vma.dontfork 1/0
# class: vma
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: p0 vma 0: 0x7ffff7ffa000-0x7ffff7ffb000 --- pkey=0 dontfork vs 0x7ffff7ffa000-0x7ffff7ffb000 --- pkey=0
# seed: 1
# minimized: 21 -> 4 ops
# found: 2026-11-22T08:38:38.905Z
r0 = mmap(NULL, 0x4000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffb000
r1 = mmap(r0, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffa000
mseal(r1+0x1000, 0x1000, 0) = 0
madvise(0x7ffff7ff9000, 0x3000, MADV_DONTFORK) = -EPERM
