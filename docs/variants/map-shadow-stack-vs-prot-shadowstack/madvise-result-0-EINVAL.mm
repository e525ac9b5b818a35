# mmdiff 1
# machine shstk=1
# divergence: madvise result 0/-EINVAL
# class: result
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: op 1 madvise: 0x0 vs -EINVAL
# seed: 1
# minimized: 19 -> 2 ops
# found: 2026-11-22T08:40:59.351Z
r0 = mmap(NULL, 0x1000, PROT_WRITE|PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
madvise(r0, 0x1000, MADV_POPULATE_WRITE) = 0
