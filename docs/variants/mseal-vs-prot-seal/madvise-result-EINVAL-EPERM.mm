# mmdiff 1
# machine shstk=1
# divergence: madvise result -EINVAL/-EPERM
# class: result
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: op 1 madvise: -EINVAL vs -EPERM
# seed: 1
# minimized: 23 -> 2 ops
# found: 2026-11-22T08:39:31.917Z
r0 = mmap(NULL, 0x1000, PROT_SEAL, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
madvise(r0, 0x1000, MADV_REMOVE) = -EINVAL
