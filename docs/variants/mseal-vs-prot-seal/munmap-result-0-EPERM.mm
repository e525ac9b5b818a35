# mmdiff 1
# divergence: munmap result 0/-EPERM
# class: result
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: op 3 munmap: 0x0 vs -EPERM
# seed: 1
# minimized: 21 -> 4 ops
# found: 2026-11-22T08:39:31.176Z
r0 = mmap(NULL, 0x1000, PROT_SEAL, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
fork() = 1
p1: fork() = 2
p2: munmap(r0, 0x1000) = 0
