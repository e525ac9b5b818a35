# mmdiff 1
# divergence: mmap vma.bounds
# class: vma
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: p1 vma 0: 0x7ffff7feb000-0x7ffff7fed000 --- pkey=0 vs 0x7ffff7feb000-0x7ffff7fef000 --- pkey=0
# seed: 1
# minimized: 17 -> 5 ops
# found: 2026-11-22T08:38:34.330Z
r0 = mmap(NULL, 0x10000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7fef000
fork() = 1
p1: mmap(NULL, 0x4000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7feb000
p1: mseal(r0, 0x1000, 0) = 0
p1: mmap(0x7ffff7fed000, 0x4000, PROT_NONE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, 0, 0) = -EPERM
