# mmdiff 1
# machine shstk=1
# divergence: mmap vma.shadow_stack 0/1
# class: vma
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: p0 vma 0: 0x7ffff7ffe000-0x7ffff7fff000 -w- pkey=0 account vs 0x7ffff7ffe000-0x7ffff7fff000 -w- pkey=0 account,shadow_stack
# seed: 1
# minimized: 14 -> 1 ops
# found: 2026-11-22T08:40:32.528Z
mmap(NULL, 0x1000, PROT_WRITE|PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
