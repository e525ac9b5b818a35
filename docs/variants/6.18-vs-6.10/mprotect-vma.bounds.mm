# mmdiff 1
# divergence: mprotect vma.bounds
# class: vma
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: p0 vma 0: 0x7ffff7ff9000-0x7ffff7ffb000 r-- pkey=0 vs 0x7ffff7ff9000-0x7ffff7ffc000 r-- pkey=0
# seed: 1
# minimized: 20 -> 3 ops
# found: 2026-11-22T08:38:32.497Z
r0 = mmap(NULL, 0x6000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff9000
mseal(r0+0x3000, 0x1000, 0) = 0
mprotect(r0+0x2000, 0x2000, PROT_NONE) = -EPERM
