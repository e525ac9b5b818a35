# mmdiff 1
# divergence: mmap result val/val
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 3 mmap: 0x7ffff7ffc000 vs 0x7ffff7ff6000
# seed: 1
# minimized: 18 -> 4 ops
# found: 2026-11-22T08:39:18.758Z
r0 = mmap(NULL, 0x8000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff7000
mseal(r0+0x6000, 0x1000, 0) = 0
mremap(r0+0x3000, 0x4000, 0x4000, MREMAP_MAYMOVE|MREMAP_FIXED, NULL) = -EPERM
mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffc000
