# mmdiff 1
# divergence: mseal result -EINVAL/-ENOSYS
# class: result
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: op 0 mseal: -EINVAL vs -ENOSYS
# seed: 1
# minimized: 2 -> 1 ops
# found: 2026-11-22T08:39:31.157Z
mseal(0x800, 0, 0) = -EINVAL
