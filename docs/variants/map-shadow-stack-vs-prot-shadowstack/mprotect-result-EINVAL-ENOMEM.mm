# mmdiff 1
# machine shstk=1
# divergence: mprotect result -EINVAL/-ENOMEM
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 1 mprotect: -EINVAL vs -ENOMEM
# seed: 1
# minimized: 15 -> 2 ops
# found: 2026-11-22T08:40:31.912Z
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
mprotect(NULL, 0x1000, PROT_SHADOWSTACK) = -EINVAL
