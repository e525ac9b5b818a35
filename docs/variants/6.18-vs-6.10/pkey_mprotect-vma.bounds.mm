# mmdiff 1
# divergence: pkey_mprotect vma.bounds
# class: vma
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: p0 vma 0: 0x7ffff7ff4000-0x7ffff7ffa000 -w- pkey=0 account vs 0x7ffff7ff4000-0x7ffff7ffb000 -w- pkey=0 account
# seed: 1
# minimized: 13 -> 3 ops
# found: 2026-11-22T08:38:31.743Z
r0 = mmap(NULL, 0xb000, PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff4000
mseal(r0+0x7000, 0x1000, 0) = 0
pkey_mprotect(r0+0x6000, 0x1001, PROT_NONE, 0) = -EPERM
