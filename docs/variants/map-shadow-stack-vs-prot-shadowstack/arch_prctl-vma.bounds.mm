# mmdiff 1
# machine shstk=1
# divergence: arch_prctl vma.bounds
# class: vma
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: p0 vma 0: 0x7ffff7400000-0x7ffff7c00000 rw- pkey=0 account,shadow_stack vs 0x7ffff7200000-0x7ffff7a00000 rw- pkey=0 account,shadow_stack
# seed: 1
# minimized: 14 -> 2 ops
# found: 2026-11-22T08:40:49.410Z
mmap(NULL, 0x200000, PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7c00000
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
