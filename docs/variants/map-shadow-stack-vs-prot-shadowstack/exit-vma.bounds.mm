# mmdiff 1
# divergence: exit vma.bounds
# class: vma
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: p1 vma 0: 0x7ffff7ffb000-0x7ffff8003000 r-- pkey=0 vs 0x7ffff7ffb000-0x7ffff8001000 rw- pkey=0 account,shadow_stack
# seed: 1
# minimized: 24 -> 4 ops
# found: 2026-11-22T08:41:21.977Z
mmap(0x7ffff7ffb000, 0x8000, PROT_READ|PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffb000
fork() = 1
p1: mprotect(0x7ffff8001000, 0x1000, PROT_READ) = 0
exit(0) = 0
