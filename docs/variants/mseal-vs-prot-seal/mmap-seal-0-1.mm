# mmdiff 1
# divergence: mmap seal 0/1
# class: seal
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: p0 vma 0: 0x7ffff7ffe000-0x7ffff7fff000 --- pkey=0 vs 0x7ffff7ffe000-0x7ffff7fff000 --- pkey=0 sealed
# seed: 1
# minimized: 8 -> 1 ops
# found: 2026-11-22T08:39:31.122Z
mmap(NULL, 0x1000, PROT_SEAL, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
