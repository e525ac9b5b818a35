# mmdiff 1
# divergence: mprotect result -EINVAL/-ENOMEM
# class: result
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: op 0 mprotect: -EINVAL vs -ENOMEM
# seed: 1
# minimized: 5 -> 1 ops
# found: 2026-11-22T08:39:31.165Z
mprotect(NULL, 0x1000, PROT_SEAL) = -EINVAL
