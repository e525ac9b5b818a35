# mmdiff 1
# divergence: mmap vma.bounds
# class: vma
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: p0 vma 0: 0x7ffff7ffd000-0x7ffff7fff000 r-- pkey=0 vs 0x7ffff7ffd000-0x7ffff7ffe000 r-- pkey=0
# seed: 1
# minimized: 13 -> 2 ops
# found: 2026-11-22T08:39:31.217Z
mmap(NULL, 0x1000, PROT_READ|PROT_SEAL, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
mmap(NULL, 0x1, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffd000
