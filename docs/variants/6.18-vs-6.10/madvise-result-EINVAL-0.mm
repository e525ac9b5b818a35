# mmdiff 1
# divergence: madvise result -EINVAL/0
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 5 madvise: -EINVAL vs 0x0
# seed: 1
# minimized: 24 -> 6 ops
# found: 2026-11-22T08:38:46.976Z
r0 = mmap(NULL, 0x6000, PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff9000
mseal(r0+0x5000, 0x1000, 0) = 0
fork() = 1
p1: mprotect(0x7ffff7ffb000, 0x5000, PROT_NONE) = -EPERM
p1: fork() = 2
p2: madvise(0x7ffff7ffb000, 0x1000, MADV_POPULATE_WRITE) = -EINVAL
