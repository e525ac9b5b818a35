# mmdiff 1
# divergence: map_shadow_stack result -ENOSPC/-ENOSYS
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 0 map_shadow_stack: -ENOSPC vs -ENOSYS
# seed: 1
# minimized: 1 -> 1 ops
# found: 2026-11-22T08:40:31.745Z
map_shadow_stack(NULL, 0, SHADOW_STACK_SET_TOKEN) = -ENOSPC
