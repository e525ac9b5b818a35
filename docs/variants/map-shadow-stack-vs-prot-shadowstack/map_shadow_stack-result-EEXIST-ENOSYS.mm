# mmdiff 1
# divergence: map_shadow_stack result -EEXIST/-ENOSYS
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 2 map_shadow_stack: -EEXIST vs -ENOSYS
# seed: 1
# minimized: 22 -> 3 ops
# found: 2026-11-22T08:40:32.272Z
r0 = mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
fork() = 1
p1: map_shadow_stack(r0, 0x1000, 0) = -EEXIST
