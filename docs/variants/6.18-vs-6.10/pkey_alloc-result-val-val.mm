# mmdiff 1
# divergence: pkey_alloc result val/val
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 3 pkey_alloc: 0x2 vs 0x1
# seed: 1
# minimized: 21 -> 4 ops
# found: 2026-11-22T08:38:39.356Z
r0 = mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
mseal(r0, 0x1000, 0) = 0
mprotect(r0, 0x1000, PROT_EXEC) = -EPERM
pkey_alloc(0, 0) = 2
