# mmdiff 1
# divergence: map_shadow_stack result -EOVERFLOW/-ENOSYS
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 0 map_shadow_stack: -EOVERFLOW vs -ENOSYS
# seed: 1
# minimized: 14 -> 1 ops
# found: 2026-11-22T08:40:31.919Z
map_shadow_stack(NULL, -0x1, 0) = -EOVERFLOW
