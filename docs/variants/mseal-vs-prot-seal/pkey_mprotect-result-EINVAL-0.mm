# mmdiff 1
# divergence: pkey_mprotect result -EINVAL/0
# class: result
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: op 1 pkey_mprotect: -EINVAL vs 0x0
# seed: 1
# minimized: 24 -> 2 ops
# found: 2026-11-22T08:39:33.088Z
r0 = mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
pkey_mprotect(r0, 0x1000, PROT_SEAL, 0) = -EINVAL
