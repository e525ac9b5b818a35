# mmdiff 1
# divergence: trampfd_create result -EFAULT/-ENOSYS
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 0 trampfd_create: -EFAULT vs -ENOSYS
# seed: 1
# minimized: 4 -> 1 ops
# found: 2026-11-22T08:38:30.851Z
trampfd_create(0x7ffff7ffa000) = -EFAULT
