# mmdiff 1
# machine shstk=1
# divergence: pkey_mprotect result -EINVAL/-ENOMEM
# class: result
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: op 0 pkey_mprotect: -EINVAL vs -ENOMEM
# seed: 1
# minimized: 23 -> 1 ops
# found: 2026-11-22T08:39:32.001Z
pkey_mprotect(NULL, 0xfff, PROT_SEAL, 0) = -EINVAL
