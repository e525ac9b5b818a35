# mmdiff 1
# divergence: madvise vma.prot
# class: vma
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: p0 vma 1: 0x7ffff7fef000-0x7ffff7ff1000 r-- pkey=0 vs 0x7ffff7fef000-0x7ffff7ff1000 --- pkey=0
# seed: 1
# minimized: 22 -> 5 ops
# found: 2026-11-22T08:39:19.450Z
mmap(NULL, 0x10000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7fef000
r0 = mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7fee000
mseal(0x7ffff7ff1000, 0x1000, 0) = 0
mprotect(r0+0x1000, 0x4000, PROT_READ) = -EPERM
madvise(0x7ffff7fee000, 0x1000, MADV_DONTFORK) = 0
