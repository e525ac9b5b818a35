# mmdiff 1
# machine shstk=1
# divergence: map_shadow_stack result -ESRCH/-ENOSYS
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 1 map_shadow_stack: -ESRCH vs -ENOSYS
# seed: 1
# minimized: 24 -> 2 ops
# found: 2026-11-22T08:40:51.907Z
fork() = 1
p1: map_shadow_stack(0xfffffffffffffffd, 0x1000, 0) = -ESRCH
