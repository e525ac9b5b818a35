# mmdiff 1
# divergence: madvise result 0/-ENOMEM
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 3 madvise: 0x0 vs -ENOMEM
# seed: 1
# minimized: 19 -> 4 ops
# found: 2026-11-22T08:39:28.323Z
r0 = mmap(NULL, 0x8000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff7000
mseal(r0+0x6000, 0x1000, 0) = 0
mremap(r0+0x3000, 0x4000, 0x4000, MREMAP_MAYMOVE|MREMAP_FIXED, 0x10005000) = -EPERM
madvise(0x10006000, 0x1000, MADV_NORMAL) = 0
