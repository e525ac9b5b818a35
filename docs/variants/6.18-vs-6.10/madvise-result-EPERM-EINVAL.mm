# mmdiff 1
# divergence: madvise result -EPERM/-EINVAL
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 2 madvise: -EPERM vs -EINVAL
# seed: 1
# minimized: 17 -> 3 ops
# found: 2026-11-22T08:38:31.724Z
r0 = mmap(NULL, 0x200000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7c00000
mseal(0x7ffff7c06000, 0x2000, 0) = 0
madvise(r0+0x7000, 0x1000, MADV_GUARD_INSTALL) = -EPERM
