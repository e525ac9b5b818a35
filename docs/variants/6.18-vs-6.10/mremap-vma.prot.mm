# mmdiff 1
# divergence: mremap vma.prot
# class: vma
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: p0 vma 0: 0x1000a000-0x1000b000 r-- pkey=0 vs 0x1000a000-0x1000b000 --- pkey=0
# seed: 1
# minimized: 21 -> 5 ops
# found: 2026-11-22T08:38:40.496Z
r0 = mmap(NULL, 0x8000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff7000
mseal(r0+0x4000, 0x1000, 0) = 0
r1 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff6000
mprotect(r1, 0x7000, PROT_READ) = -EPERM
mremap(r1+0x3000, 0x1000, 0x1000, MREMAP_MAYMOVE|MREMAP_DONTUNMAP, 0x1000a000) = 0x1000a000
