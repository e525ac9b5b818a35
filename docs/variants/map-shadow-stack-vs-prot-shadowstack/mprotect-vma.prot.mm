# mmdiff 1
# divergence: mprotect vma.prot
# class: vma
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: p0 vma 0: 0x7ffff7ffd000-0x7ffff7ffe000 r-- pkey=0 vs 0x7ffff7ffd000-0x7ffff7ffe000 rw- pkey=0 account,shadow_stack
# seed: 1
# minimized: 12 -> 3 ops
# found: 2026-11-22T08:40:48.866Z
mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
r0 = mmap(NULL, 0x1, PROT_READ|PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffd000
mprotect(r0+0x1000, 0x1000, PROT_NONE) = 0
