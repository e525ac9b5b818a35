# mmdiff 1
# divergence: pkey_mprotect result -ENOMEM/-EPERM
# class: result
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: op 2 pkey_mprotect: -ENOMEM vs -EPERM
# seed: 1
# minimized: 23 -> 3 ops
# found: 2026-11-22T08:39:35.183Z
mmap(NULL, 0x1000, PROT_SEAL, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
r0 = mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffd000
pkey_mprotect(r0, 0x4000, PROT_NONE, 0) = -ENOMEM
