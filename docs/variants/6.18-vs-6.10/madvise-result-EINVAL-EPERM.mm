# mmdiff 1
# divergence: madvise result -EINVAL/-EPERM
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 2 madvise: -EINVAL vs -EPERM
# seed: 1
# minimized: 23 -> 3 ops
# found: 2026-11-22T08:38:31.250Z
r0 = mmap(NULL, 0x8000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff7000
mseal(0x7ffff7ffc000, 0x1, 0) = 0
madvise(r0+0x5000, 0x1000, MADV_POPULATE_READ) = -EINVAL
