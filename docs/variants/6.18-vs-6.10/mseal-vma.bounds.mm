# mmdiff 1
# divergence: mseal vma.bounds
# class: vma
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: p0 vma 0: 0x7ffff7fee000-0x7ffff7ff0000 --- pkey=0 sealed vs 0x7ffff7fee000-0x7ffff7ff1000 --- pkey=0 sealed
# seed: 1
# minimized: 24 -> 7 ops
# found: 2026-11-22T08:38:55.931Z
r0 = mmap(NULL, 0x10000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7fef000
mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7fee000
mseal(0x7ffff7ff4000, 0x1000, 0) = 0
mprotect(r0+0x1000, 0x8000, PROT_WRITE) = -EPERM
mseal(0x7ffff7ff0000, 0x1000, 0) = 0
madvise(NULL, 0, MADV_NORMAL) = 0
mseal(0x7ffff7fee000, 0x2000, 0) = 0
