# mmdiff 1
# divergence: trampfd_write_data result -EBADF/-ENOSYS
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 0 trampfd_write_data: -EBADF vs -ENOSYS
# seed: 1
# minimized: 2 -> 1 ops
# found: 2026-11-22T08:38:30.772Z
trampfd_write_data(0, 0, NULL) = -EBADF
