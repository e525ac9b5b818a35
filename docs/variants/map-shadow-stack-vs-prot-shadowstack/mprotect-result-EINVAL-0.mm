# mmdiff 1
# divergence: mprotect result -EINVAL/0
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 3 mprotect: -EINVAL vs 0x0
# seed: 1
# minimized: 15 -> 4 ops
# found: 2026-11-22T08:40:33.837Z
mmap(NULL, 0x2000, PROT_NONE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, 0, 0) = 0
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
mremap(NULL, 0x1000, 0x4000, MREMAP_MAYMOVE, NULL) = 0x7ffff7ffb000
mprotect(0x7ffff7ffb000, 0x1000, PROT_SHADOWSTACK) = -EINVAL
