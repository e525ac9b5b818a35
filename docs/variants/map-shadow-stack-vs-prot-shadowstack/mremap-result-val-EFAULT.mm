# mmdiff 1
# machine shstk=1
# divergence: mremap result val/-EFAULT
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 2 mremap: 0x7ffff7bff000 vs -EFAULT
# seed: 1
# minimized: 18 -> 3 ops
# found: 2026-11-22T08:40:57.345Z
r0 = mmap(NULL, 0x200000, PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7c00000
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
mremap(r0-0x1000, 0x1000, 0x1000, 0, NULL) = 0x7ffff7bff000
