# mmdiff 1
# machine shstk=1
# divergence: arch_prctl pte.exists 1/0
# class: pte
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: p0 0x7ffff7c00000: A PROTNONE frame=Z vs (none)
# seed: 1
# minimized: 17 -> 4 ops
# found: 2026-11-22T08:40:55.068Z
r0 = mmap(NULL, 0x200000, PROT_READ|PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE, 0, 0) = 0x7ffff7c00000
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
mprotect(r0, 0x200000, PROT_NONE) = 0
arch_prctl(ARCH_SHSTK_DISABLE, 0x1) = 0
