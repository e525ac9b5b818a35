# mmdiff 1
# divergence: pkey_mprotect vma.bounds
# class: vma
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: p1 vma 1: 0x7ffff7bff000-0x7ffff7c00000 --- pkey=0 shadow_stack vs 0x7ffff7bff000-0x7ffff7e00000 --- pkey=0
# seed: 1
# minimized: 21 -> 4 ops
# found: 2026-11-22T08:41:27.491Z
r0 = mmap(NULL, 0x200000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7c00000
fork() = 1
p1: arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
p1: pkey_mprotect(r0-0x1000, 0x1000, PROT_NONE, 0) = 0
