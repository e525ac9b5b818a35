# mmdiff 1
# divergence: map_shadow_stack result -ERANGE/-ENOSYS
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 0 map_shadow_stack: -ERANGE vs -ENOSYS
# seed: 1
# minimized: 1 -> 1 ops
# found: 2026-11-22T08:40:32.269Z
map_shadow_stack(0x10000000, 0, 0) = -ERANGE
