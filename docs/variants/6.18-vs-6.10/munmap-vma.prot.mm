# mmdiff 1
# divergence: munmap vma.prot
# class: vma
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: p0 vma 0: 0x7ffff7fee000-0x7ffff7ff4000 -w- pkey=0 account vs 0x7ffff7fee000-0x7ffff7ff4000 --- pkey=0
# seed: 1
# minimized: 21 -> 5 ops
# found: 2026-11-22T08:38:34.173Z
mmap(NULL, 0x10000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7fef000
r0 = mmap(NULL, 0x2000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7fed000
mseal(r0+0x7000, 0x1000, 0) = 0
mprotect(0x7ffff7fee000, 0x8000, PROT_WRITE) = -EPERM
munmap(0x7ffff7fed000, 0x1000) = 0
