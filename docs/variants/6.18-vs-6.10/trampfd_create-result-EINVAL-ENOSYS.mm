# mmdiff 1
# divergence: trampfd_create result -EINVAL/-ENOSYS
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 0 trampfd_create: -EINVAL vs -ENOSYS
# seed: 1
# minimized: 5 -> 1 ops
# found: 2026-11-22T08:38:31.225Z
trampfd_create(NULL) = -EINVAL
