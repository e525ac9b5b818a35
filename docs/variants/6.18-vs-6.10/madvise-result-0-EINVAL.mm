# mmdiff 1
# divergence: madvise result 0/-EINVAL
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 0 madvise: 0x0 vs -EINVAL
# seed: 1
# minimized: 12 -> 1 ops
# found: 2026-11-22T08:38:30.836Z
madvise(NULL, 0, MADV_GUARD_INSTALL) = 0
