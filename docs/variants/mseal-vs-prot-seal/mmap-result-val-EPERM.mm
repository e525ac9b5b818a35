# mmdiff 1
# divergence: mmap result val/-EPERM
# class: result
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: op 1 mmap: 0x7ffff7ffe000 vs -EPERM
# seed: 1
# minimized: 13 -> 2 ops
# found: 2026-11-22T08:39:31.759Z
r0 = mmap(NULL, 0x1000, PROT_SEAL, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
mmap(r0, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
