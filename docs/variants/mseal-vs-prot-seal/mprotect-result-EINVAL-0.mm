# mmdiff 1
# divergence: mprotect result -EINVAL/0
# class: result
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: op 2 mprotect: -EINVAL vs 0x0
# seed: 1
# minimized: 21 -> 3 ops
# found: 2026-11-22T08:39:31.153Z
r0 = mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
fork() = 1
p1: mprotect(r0, 0x1000, PROT_SEAL) = -EINVAL
