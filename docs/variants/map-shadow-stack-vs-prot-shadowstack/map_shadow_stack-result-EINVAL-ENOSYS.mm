# mmdiff 1
# machine shstk=1
# divergence: map_shadow_stack result -EINVAL/-ENOSYS
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 0 map_shadow_stack: -EINVAL vs -ENOSYS
# seed: 1
# minimized: 4 -> 1 ops
# found: 2026-11-22T08:40:31.741Z
map_shadow_stack(NULL, 0, 0) = -EINVAL
