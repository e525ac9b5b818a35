# mmdiff 1
# divergence: pkey_mprotect result 0/-EPERM
# class: result
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: op 1 pkey_mprotect: 0x0 vs -EPERM
# seed: 1
# minimized: 8 -> 2 ops
# found: 2026-11-22T08:39:34.406Z
mmap(NULL, 0x1000, PROT_SEAL, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, 0, 0) = 0
pkey_mprotect(NULL, 0x1000, PROT_NONE, 0) = 0
