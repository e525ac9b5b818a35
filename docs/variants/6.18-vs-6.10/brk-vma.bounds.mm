# mmdiff 1
# divergence: brk vma.bounds
# class: vma
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: p0 vma 0: 0x4c9000-0x4cf000 rw- pkey=0 account vs 0x4c9000-0x4d8000 rw- pkey=0 account
# seed: 1
# minimized: 23 -> 3 ops
# found: 2026-11-22T08:38:44.563Z
r0 = brk(0x4da000) = 0x4da000
mseal(r0-0x2000, 0x1000, 0) = 0
brk(0x4cf000) = 0x4da000
