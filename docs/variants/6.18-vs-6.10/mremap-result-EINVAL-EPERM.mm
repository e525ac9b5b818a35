# mmdiff 1
# divergence: mremap result -EINVAL/-EPERM
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 4 mremap: -EINVAL vs -EPERM
# seed: 1
# minimized: 24 -> 5 ops
# found: 2026-11-22T08:38:38.613Z
r0 = mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
mseal(r0, 0x1000, 0) = 0
fork() = 1
r1 = p1: mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffd000
p1: mremap(r1, 0x10000000, 0x1000, 0, NULL) = -EINVAL
