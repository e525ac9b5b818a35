# mmdiff 1
# divergence: mremap result val/-EFAULT
# class: result
# targets: model,impl (expectations are model's results)
# detail: op 2 mremap: 0x7ffff7ffe000 vs -EFAULT
# found by: mmdiff fuzz --minutes 2 --seed 11 (model vs impl); impl was wrong, fixed
# minimized: 18 -> 3 ops
r0 = mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
r1 = mmap(NULL, 0x5000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff9000
mremap(r1+0x2000, 0x2000, 0x2000, MREMAP_MAYMOVE|MREMAP_FIXED|MREMAP_DONTUNMAP, r0) = 0x7ffff7ffe000
