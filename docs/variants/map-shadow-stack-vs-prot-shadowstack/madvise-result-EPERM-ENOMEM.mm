# mmdiff 1
# divergence: madvise result -EPERM/-ENOMEM
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 2 madvise: -EPERM vs -ENOMEM
# seed: 1
# minimized: 9 -> 3 ops
# found: 2026-11-22T08:40:41.078Z
r0 = mmap(NULL, 0x1000, PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
mseal(r0, 0x1000, 0) = 0
madvise(r0, 0x2000, MADV_WIPEONFORK) = -EPERM
