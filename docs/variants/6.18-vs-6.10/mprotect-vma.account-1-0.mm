# mmdiff 1
# divergence: mprotect vma.account 1/0
# class: vma
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: p0 vma 1: 0x7ffff7ffd000-0x7ffff7ffe000 --- pkey=0 account,guard vs 0x7ffff7ffd000-0x7ffff7ffe000 --- pkey=0
# seed: 1
# minimized: 23 -> 5 ops
# found: 2026-11-22T08:39:14.926Z
mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_LOCKED, 0, 0) = 0x7ffff7ffe000
r0 = mmap(NULL, 0x1000, PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffd000
madvise(r0, 0x2000, MADV_GUARD_INSTALL) = -EINVAL
r1 = mmap(NULL, 0x4000, PROT_NONE, MAP_SHARED|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff9000
mprotect(r1+0x3000, 0x2000, PROT_NONE) = 0
