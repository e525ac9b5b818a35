# mmdiff 1
# divergence: mseal result 0/-ENOSYS
# class: result
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: op 0 mseal: 0x0 vs -ENOSYS
# seed: 1
# minimized: 4 -> 1 ops
# found: 2026-11-22T08:39:31.133Z
mseal(NULL, 0, 0) = 0
