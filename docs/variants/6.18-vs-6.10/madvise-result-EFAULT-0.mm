# mmdiff 1
# divergence: madvise result -EFAULT/0
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 4 madvise: -EFAULT vs 0x0
# seed: 1
# minimized: 22 -> 5 ops
# found: 2026-11-22T08:39:26.893Z
mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_LOCKED, 0, 0) = 0x7ffff7ffe000
r0 = mmap(NULL, 0x1000, PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffd000
madvise(r0, 0x2000, MADV_GUARD_INSTALL) = -EINVAL
r1 = mmap(NULL, 0x4000, PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff9000
madvise(r1+0x1000, 0x4000, MADV_POPULATE_WRITE) = -EFAULT
