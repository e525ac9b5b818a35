# mmdiff 1
# divergence: mmap result val/-EINVAL
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 0 mmap: 0x7ffff7ffe000 vs -EINVAL
# seed: 1
# minimized: 3 -> 1 ops
# found: 2026-11-22T08:38:30.771Z
mmap(NULL, 0x1000, PROT_NONE, MAP_DROPPABLE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
