# mmdiff 1
# divergence: trampfd_create result val/-ENOSYS
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 1 trampfd_create: 0x3 vs -ENOSYS
# seed: 1
# minimized: 4 -> 2 ops
# found: 2026-11-22T08:38:30.768Z
r0 = mmap(NULL, 0x1000, PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
trampfd_create(r0) = 3
