# mmdiff 1
# machine shstk=1
# divergence: mremap result val/val
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 1 mremap: 0x7ffff7ff9000 vs 0x7ffff7ff8000
# seed: 1
# minimized: 13 -> 2 ops
# found: 2026-11-22T08:40:39.987Z
r0 = mmap(NULL, 0x4000, PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffb000
mremap(r0+0x2000, 0x2000, 0x2000, MREMAP_MAYMOVE|MREMAP_DONTUNMAP, r0) = 0x7ffff7ff9000
