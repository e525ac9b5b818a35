# mmdiff 1
# machine shstk=1
# divergence: mprotect vma.bounds
# class: vma
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: p0 vma 0: 0x7ffff7ffd000-0x7ffff7fff000 rw- pkey=0 account vs 0x7ffff7ffd000-0x7ffff7ffe000 rw- pkey=0 account
# seed: 1
# minimized: 8 -> 2 ops
# found: 2026-11-22T08:40:32.517Z
r0 = mmap(NULL, 0x2000, PROT_READ|PROT_WRITE|PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffd000
mprotect(r0, 0x1000, PROT_READ|PROT_WRITE) = 0
