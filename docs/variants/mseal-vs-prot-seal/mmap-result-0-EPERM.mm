# mmdiff 1
# divergence: mmap result 0/-EPERM
# class: result
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: op 1 mmap: 0x0 vs -EPERM
# seed: 1
# minimized: 9 -> 2 ops
# found: 2026-11-22T08:39:34.820Z
mmap(NULL, 0x1000, PROT_SEAL, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, 0, 0) = 0
mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, 0, 0) = 0
