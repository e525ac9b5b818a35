# mmdiff 1
# divergence: pkey_mprotect vma.prot
# class: vma
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: p0 vma 0: 0x7ffff7ff5000-0x7ffff7ffc000 -w- pkey=0 account vs 0x7ffff7ff5000-0x7ffff7ffc000 --- pkey=0
# seed: 1
# minimized: 24 -> 3 ops
# found: 2026-11-22T08:38:44.508Z
r0 = mmap(NULL, 0xa000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff5000
mseal(r0+0x7000, 0x1000, 0) = 0
pkey_mprotect(0x7ffff7ff5000, 0xd000, PROT_WRITE, 0) = -EPERM
