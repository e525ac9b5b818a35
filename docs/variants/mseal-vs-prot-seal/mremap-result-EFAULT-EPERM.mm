# mmdiff 1
# divergence: mremap result -EFAULT/-EPERM
# class: result
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: op 1 mremap: -EFAULT vs -EPERM
# seed: 1
# minimized: 10 -> 2 ops
# found: 2026-11-22T08:39:51.557Z
mmap(NULL, 0x1000, PROT_SEAL, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, 0, 0) = 0
mremap(NULL, 0x2000, 0x3000, 0, NULL) = -EFAULT
