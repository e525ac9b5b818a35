# mmdiff 1
# divergence: mprotect result -ENOMEM/-EPERM
# class: result
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: op 1 mprotect: -ENOMEM vs -EPERM
# seed: 1
# minimized: 8 -> 2 ops
# found: 2026-11-22T08:39:32.099Z
r0 = mmap(NULL, 0x1000, PROT_SEAL, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
mprotect(r0, 0x2000, PROT_NONE) = -ENOMEM
