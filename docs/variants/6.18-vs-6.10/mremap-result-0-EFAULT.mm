# mmdiff 1
# divergence: mremap result 0/-EFAULT
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 2 mremap: 0x0 vs -EFAULT
# seed: 1
# minimized: 24 -> 3 ops
# found: 2026-11-22T08:38:36.749Z
r0 = mmap(NULL, 0x8000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff7000
madvise(r0+0x5000, 0x1000, MADV_WIPEONFORK) = 0
mremap(r0+0x4000, 0x2000, 0x2000, MREMAP_MAYMOVE|MREMAP_FIXED, NULL) = 0
