# mmdiff 1
# machine shstk=1
# divergence: read result 0/SEGV_MAPERR
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 2 read: 0x0 vs fault SIGSEGV SEGV_MAPERR
# seed: 1
# minimized: 24 -> 3 ops
# found: 2026-11-22T08:41:05.698Z
r0 = mmap(NULL, 0x200000, PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7c00000
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
read(r0-0x1000) = 0
