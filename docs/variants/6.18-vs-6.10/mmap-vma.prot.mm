# mmdiff 1
# divergence: mmap vma.prot
# class: vma
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: p0 vma 1: 0x7ffff7ff9000-0x7ffff7ffc000 --- pkey=0 vs 0x7ffff7ff9000-0x7ffff7ffc000 r-- pkey=0
# seed: 1
# minimized: 24 -> 5 ops
# found: 2026-11-22T08:39:03.801Z
r0 = mmap(NULL, 0x6000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff9000
mseal(r0+0x3000, 0x1000, 0) = 0
r1 = mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff8000
mprotect(r1, 0x6000, PROT_NONE) = -EPERM
mmap(r1, 0x1000, PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff8000
