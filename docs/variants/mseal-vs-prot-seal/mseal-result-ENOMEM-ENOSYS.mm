# mmdiff 1
# divergence: mseal result -ENOMEM/-ENOSYS
# class: result
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: op 0 mseal: -ENOMEM vs -ENOSYS
# seed: 1
# minimized: 2 -> 1 ops
# found: 2026-11-22T08:39:31.120Z
mseal(NULL, 0x1000, 0) = -ENOMEM
