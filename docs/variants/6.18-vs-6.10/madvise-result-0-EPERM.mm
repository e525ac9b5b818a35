# mmdiff 1
# divergence: madvise result 0/-EPERM
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 2 madvise: 0x0 vs -EPERM
# seed: 1
# minimized: 20 -> 3 ops
# found: 2026-11-22T08:38:30.925Z
mmap(NULL, 0x4000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffb000
mseal(0x7ffff7ffc000, 0x1000, 0) = 0
madvise(0x7ffff7ffb000, 0x2000, MADV_PAGEOUT) = 0
