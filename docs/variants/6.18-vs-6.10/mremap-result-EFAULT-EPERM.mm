# mmdiff 1
# divergence: mremap result -EFAULT/-EPERM
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 2 mremap: -EFAULT vs -EPERM
# seed: 1
# minimized: 19 -> 3 ops
# found: 2026-11-22T08:38:34.820Z
r0 = mmap(0x10010000, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x10010000
mseal(r0, 0x1000, 0) = 0
mremap(0x1000f000, 0x2000, 0x1000, 0, NULL) = -EFAULT
