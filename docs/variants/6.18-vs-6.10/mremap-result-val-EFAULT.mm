# mmdiff 1
# divergence: mremap result val/-EFAULT
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 1 mremap: 0x7ffff8000000 vs -EFAULT
# seed: 1
# minimized: 24 -> 2 ops
# found: 2026-11-22T08:38:31.094Z
mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, 0, 0) = 0
mremap(NULL, 0x5000, 0x5000, MREMAP_MAYMOVE|MREMAP_FIXED, 0x7ffff8000000) = 0x7ffff8000000
