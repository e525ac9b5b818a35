# mmdiff 1
# divergence: mremap result -EFAULT/val
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 3 mremap: -EFAULT vs 0x7ffff7ffc000
# seed: 1
# minimized: 24 -> 4 ops
# found: 2026-11-22T08:38:53.533Z
r0 = mmap(NULL, 0x4000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffb000
mseal(r0+0x2000, 0x1000, 0) = 0
mremap(r0+0x1000, 0x1001, 0x1001, MREMAP_MAYMOVE|MREMAP_FIXED, r0+0x4000) = -EPERM
mremap(r0+0x1000, 0x1000, 0x1000, 0, NULL) = -EFAULT
