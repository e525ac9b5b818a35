# mmdiff 1
# machine shstk=1
# divergence: madvise vma.wipeonfork 1/0
# class: vma
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: p0 vma 0: 0x7ffff7ffd000-0x7ffff7ffe000 --- pkey=0 wipeonfork vs 0x7ffff7ffd000-0x7ffff7ffe000 --- pkey=0
# seed: 1
# minimized: 23 -> 3 ops
# found: 2026-11-22T08:38:55.895Z
r0 = mmap(NULL, 0x2000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffd000
mseal(r0+0x1000, 0x1000, 0) = 0
madvise(NULL, 0x800000000000, MADV_WIPEONFORK) = -EPERM
