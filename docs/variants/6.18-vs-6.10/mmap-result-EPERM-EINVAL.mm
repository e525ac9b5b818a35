# mmdiff 1
# divergence: mmap result -EPERM/-EINVAL
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 3 mmap: -EPERM vs -EINVAL
# seed: 1
# minimized: 14 -> 4 ops
# found: 2026-11-22T08:38:30.865Z
r0 = mmap(NULL, 0xc000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff3000
mseal(0x7ffff7ff8000, 0x1000, 0) = 0
fork() = 1
p1: mmap(r0+0x5000, 0x1000, PROT_NONE, MAP_DROPPABLE|MAP_FIXED|MAP_ANONYMOUS, 0, 0) = -EPERM
