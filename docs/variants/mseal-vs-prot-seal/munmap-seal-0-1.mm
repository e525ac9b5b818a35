# mmdiff 1
# divergence: munmap seal 0/1
# class: seal
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: p0 vma 0: 0x7ffff7ffb000-0x7ffff7ffe000 rw- pkey=0 account vs 0x7ffff7ffb000-0x7ffff7ffe000 rw- pkey=0 account,sealed
# seed: 1
# minimized: 12 -> 3 ops
# found: 2026-11-22T08:39:55.948Z
mmap(NULL, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
r0 = mmap(NULL, 0x3000, PROT_READ|PROT_WRITE|PROT_SEAL, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffb000
munmap(r0+0x3000, 0x1000) = 0
