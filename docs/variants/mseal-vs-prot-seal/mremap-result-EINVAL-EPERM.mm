# mmdiff 1
# divergence: mremap result -EINVAL/-EPERM
# class: result
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: op 1 mremap: -EINVAL vs -EPERM
# seed: 1
# minimized: 18 -> 2 ops
# found: 2026-11-22T08:39:59.706Z
r0 = mmap(NULL, 0x1000, PROT_SEAL, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
mremap(r0, 0, 0x1000, 0, NULL) = -EINVAL
