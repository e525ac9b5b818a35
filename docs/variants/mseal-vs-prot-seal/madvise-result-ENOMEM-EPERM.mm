# mmdiff 1
# divergence: madvise result -ENOMEM/-EPERM
# class: result
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: op 1 madvise: -ENOMEM vs -EPERM
# seed: 1
# minimized: 9 -> 2 ops
# found: 2026-11-22T08:39:31.755Z
mmap(NULL, 0x1000, PROT_SEAL, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
madvise(0x7ffff7ffb000, 0x5000, MADV_DONTNEED) = -ENOMEM
