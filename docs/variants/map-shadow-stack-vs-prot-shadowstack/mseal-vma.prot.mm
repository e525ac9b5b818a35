# mmdiff 1
# divergence: mseal vma.prot
# class: vma
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: p1 vma 0: 0x7ffff7ffd000-0x7ffff7ffe000 r-- pkey=0 sealed vs 0x7ffff7ffd000-0x7ffff7ffe000 rw- pkey=0 account,sealed,shadow_stack
# seed: 1
# minimized: 24 -> 4 ops
# found: 2026-11-22T08:41:12.318Z
mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
fork() = 1
r0 = p1: mmap(NULL, 0x1000, PROT_READ|PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffd000
p1: mseal(r0, 0x1000, 0) = 0
