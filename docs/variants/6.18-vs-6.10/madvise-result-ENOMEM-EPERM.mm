# mmdiff 1
# divergence: madvise result -ENOMEM/-EPERM
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 2 madvise: -ENOMEM vs -EPERM
# seed: 1
# minimized: 21 -> 3 ops
# found: 2026-11-22T08:38:35.279Z
r0 = mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
mseal(r0, 0x1000, 0) = 0
madvise(r0, 0x2000, MADV_DONTDUMP) = -ENOMEM
