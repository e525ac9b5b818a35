# mmdiff 1
# divergence: madvise result -EPERM/-EINVAL
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 3 madvise: -EPERM vs -EINVAL
# seed: 1
# minimized: 18 -> 4 ops
# found: 2026-11-22T08:40:51.151Z
r0 = mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_LOCKED, 0, 0) = 0x7ffff7ffe000
r1 = mmap(NULL, 0x4000, PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffa000
mseal(r1+0x3000, 0x1000, 0) = 0
madvise(r0-0x1000, 0x2000, MADV_GUARD_INSTALL) = -EPERM
