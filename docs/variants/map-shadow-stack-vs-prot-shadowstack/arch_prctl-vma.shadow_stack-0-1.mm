# mmdiff 1
# machine shstk=1
# divergence: arch_prctl vma.shadow_stack 0/1
# class: vma
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: p0 vma 1: 0x7ffff7ffe000-0x7ffff7fff000 -w- pkey=0 account vs 0x7ffff7ffe000-0x7ffff7fff000 -w- pkey=0 account,shadow_stack
# seed: 1
# minimized: 20 -> 5 ops
# found: 2026-11-22T08:41:01.109Z
mmap(NULL, 0x1000, PROT_WRITE|PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
r0 = mmap(NULL, 0x200000, PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7c00000
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
mprotect(r0, 0x200000, PROT_NONE) = 0
arch_prctl(ARCH_SHSTK_DISABLE, 0x1) = 0
