# mmdiff 1
# divergence: madvise seal 0/1
# class: seal
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: p0 vma 0: 0x7ffff7ffd000-0x7ffff7ffe000 r-- pkey=0 vs 0x7ffff7ffd000-0x7ffff7ffe000 r-- pkey=0 sealed
# seed: 1
# minimized: 15 -> 3 ops
# found: 2026-11-22T08:40:15.993Z
mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
r0 = mmap(NULL, 0x1000, PROT_READ|PROT_SEAL, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffd000
madvise(r0+0x1000, 0x1000, MADV_WIPEONFORK) = 0
