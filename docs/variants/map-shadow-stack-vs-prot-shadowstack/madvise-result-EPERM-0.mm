# mmdiff 1
# divergence: madvise result -EPERM/0
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 2 madvise: -EPERM vs 0x0
# seed: 1
# minimized: 10 -> 3 ops
# found: 2026-11-22T08:40:54.444Z
r0 = mmap(NULL, 0x2000, PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffd000
mseal(r0+0x1000, 0x1000, 0) = 0
madvise(r0+0x1000, 0x1000, MADV_WIPEONFORK) = -EPERM
