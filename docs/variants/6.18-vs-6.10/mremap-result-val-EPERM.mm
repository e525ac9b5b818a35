# mmdiff 1
# divergence: mremap result val/-EPERM
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 3 mremap: 0x7ffff7ffd000 vs -EPERM
# seed: 1
# minimized: 17 -> 4 ops
# found: 2026-11-22T08:38:35.155Z
r0 = mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
mseal(r0, 0x1000, 0) = 0
r1 = mmap(NULL, 0x6000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff8000
mremap(r1+0x5000, 0x2000, 0x2000, 0, NULL) = 0x7ffff7ffd000
