# mmdiff 1
# divergence: mmap result val/val
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 1 mmap: 0x7ffff7ffd000 vs 0x7ffff7ffc000
# seed: 1
# minimized: 17 -> 2 ops
# found: 2026-11-22T08:40:32.058Z
mmap(NULL, 0x1000, PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffd000
