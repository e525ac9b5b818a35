# mmdiff 1
# machine shstk=1
# divergence: exit proc.ssp
# class: proc
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: p0 ssp 140737349943296 vs 140737347846144
# seed: 1
# minimized: 17 -> 3 ops
# found: 2026-11-22T08:41:05.396Z
mmap(NULL, 0x200000, PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7c00000
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
exit(0) = 0
