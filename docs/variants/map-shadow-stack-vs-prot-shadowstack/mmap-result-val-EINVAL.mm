# mmdiff 1
# divergence: mmap result val/-EINVAL
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 0 mmap: 0x7ffff7ffe000 vs -EINVAL
# seed: 1
# minimized: 24 -> 1 ops
# found: 2026-11-22T08:40:31.763Z
mmap(NULL, 0x1000, PROT_SHADOWSTACK, MAP_SHARED|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
