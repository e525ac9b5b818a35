# mmdiff 1
# divergence: madvise result -ENOMEM/-EINVAL
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 0 madvise: -ENOMEM vs -EINVAL
# seed: 1
# minimized: 1 -> 1 ops
# found: 2026-11-22T08:38:31.070Z
madvise(NULL, 0x1000, MADV_GUARD_INSTALL) = -ENOMEM
