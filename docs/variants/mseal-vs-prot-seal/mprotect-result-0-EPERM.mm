# mmdiff 1
# divergence: mprotect result 0/-EPERM
# class: result
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: op 1 mprotect: 0x0 vs -EPERM
# seed: 1
# minimized: 16 -> 2 ops
# found: 2026-11-22T08:39:31.180Z
mmap(0x10013000, 0x1000, PROT_SEAL, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x10013000
mprotect(0x10013000, 0x1000, PROT_NONE) = 0
