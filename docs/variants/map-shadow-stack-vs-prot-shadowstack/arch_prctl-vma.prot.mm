# mmdiff 1
# machine shstk=1
# divergence: arch_prctl vma.prot
# class: vma
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: p0 vma 0: 0x7ffff7c00000-0x7ffff7e00000 --- pkey=0 vs 0x7ffff7c00000-0x7ffff7e00000 -w- pkey=0 account,shadow_stack
# seed: 1
# minimized: 24 -> 4 ops
# found: 2026-11-22T08:41:09.909Z
mmap(NULL, 0x200000, PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7c00000
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
call(NULL) = 0
arch_prctl(ARCH_SHSTK_DISABLE, 0x1) = 0
