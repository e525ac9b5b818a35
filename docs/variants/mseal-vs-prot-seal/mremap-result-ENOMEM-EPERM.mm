# mmdiff 1
# divergence: mremap result -ENOMEM/-EPERM
# class: result
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: op 1 mremap: -ENOMEM vs -EPERM
# seed: 1
# minimized: 24 -> 2 ops
# found: 2026-11-22T08:39:31.259Z
mmap(0x10011000, 0x8000, PROT_SEAL, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x10011000
mremap(0x10016000, 0x1000, 0x2000, 0, NULL) = -ENOMEM
