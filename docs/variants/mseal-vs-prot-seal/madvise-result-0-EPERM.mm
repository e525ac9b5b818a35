# mmdiff 1
# divergence: madvise result 0/-EPERM
# class: result
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: op 1 madvise: 0x0 vs -EPERM
# seed: 1
# minimized: 19 -> 2 ops
# found: 2026-11-22T08:39:34.411Z
r0 = mmap(NULL, 0x1000, PROT_SEAL, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
madvise(r0, 0x1000, MADV_GUARD_INSTALL) = 0
