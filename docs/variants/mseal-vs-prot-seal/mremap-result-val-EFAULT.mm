# mmdiff 1
# divergence: mremap result val/-EFAULT
# class: result
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: op 2 mremap: 0x7ffff7ff9000 vs -EFAULT
# seed: 1
# minimized: 20 -> 3 ops
# found: 2026-11-22T08:40:11.561Z
mmap(NULL, 0x10000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7fef000
r0 = mmap(0x7ffff7ff2000, 0x1000, PROT_READ|PROT_SEAL, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff2000
mremap(r0-0x1000, 0x4000, 0x2000, MREMAP_MAYMOVE|MREMAP_FIXED, r0+0x7000) = 0x7ffff7ff9000
