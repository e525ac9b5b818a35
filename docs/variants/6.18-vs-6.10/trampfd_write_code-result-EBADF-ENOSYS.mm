# mmdiff 1
# divergence: trampfd_write_code result -EBADF/-ENOSYS
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 1 trampfd_write_code: -EBADF vs -ENOSYS
# seed: 1
# minimized: 4 -> 2 ops
# found: 2026-11-22T08:38:30.842Z
fork() = 1
p1: trampfd_write_code(0, 0, 0, NULL) = -EBADF
