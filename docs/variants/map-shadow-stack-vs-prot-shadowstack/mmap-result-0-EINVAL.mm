# mmdiff 1
# divergence: mmap result 0/-EINVAL
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 0 mmap: 0x0 vs -EINVAL
# seed: 1
# minimized: 13 -> 1 ops
# found: 2026-11-22T08:40:52.581Z
mmap(NULL, 0x1000, PROT_SHADOWSTACK, MAP_SHARED|MAP_FIXED|MAP_ANONYMOUS, 0, 0) = 0
