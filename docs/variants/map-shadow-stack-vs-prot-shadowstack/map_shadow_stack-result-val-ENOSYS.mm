# mmdiff 1
# divergence: map_shadow_stack result val/-ENOSYS
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 0 map_shadow_stack: 0x7ffff7ffe000 vs -ENOSYS
# seed: 1
# minimized: 1 -> 1 ops
# found: 2026-11-22T08:40:31.737Z
map_shadow_stack(NULL, 0x1000, 0) = 0x7ffff7ffe000
