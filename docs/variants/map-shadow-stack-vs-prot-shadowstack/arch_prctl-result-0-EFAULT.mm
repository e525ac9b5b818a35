# mmdiff 1
# machine shstk=1
# divergence: arch_prctl result 0/-EFAULT
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 1 arch_prctl: 0x0 vs -EFAULT
# seed: 1
# minimized: 24 -> 2 ops
# found: 2026-11-22T08:40:35.626Z
r0 = mmap(NULL, 0x1000, PROT_WRITE|PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
arch_prctl(ARCH_SHSTK_STATUS, r0) = 0
