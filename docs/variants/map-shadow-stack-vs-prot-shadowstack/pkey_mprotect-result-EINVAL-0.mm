# mmdiff 1
# machine shstk=1
# divergence: pkey_mprotect result -EINVAL/0
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 2 pkey_mprotect: -EINVAL vs 0x0
# seed: 1
# minimized: 18 -> 3 ops
# found: 2026-11-22T08:41:25.609Z
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
r0 = mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
pkey_mprotect(r0, 0x1000, PROT_SHADOWSTACK, 0) = -EINVAL
