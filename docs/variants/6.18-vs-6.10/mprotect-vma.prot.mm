# mmdiff 1
# divergence: mprotect vma.prot
# class: vma
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: p0 vma 0: 0x0-0x2000 --- pkey=0 vs 0x0-0x2000 -w- pkey=0 account
# seed: 1
# minimized: 24 -> 3 ops
# found: 2026-11-22T08:38:34.135Z
r0 = mmap(NULL, 0x4000, PROT_WRITE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, 0, 0) = 0
mseal(r0+0x2000, 0xfff, 0) = 0
mprotect(NULL, 0x4000, PROT_NONE) = -EPERM
