# mmdiff 1
# divergence: mmap result 0/-EINVAL
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 0 mmap: 0x0 vs -EINVAL
# seed: 1
# minimized: 15 -> 1 ops
# found: 2026-11-22T08:38:30.836Z
mmap(NULL, 0x1000, PROT_NONE, MAP_DROPPABLE|MAP_FIXED|MAP_ANONYMOUS, 0, 0) = 0
