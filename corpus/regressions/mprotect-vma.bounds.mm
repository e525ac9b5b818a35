# mmdiff 1
# divergence: mprotect vma.bounds
# class: vma
# targets: model,impl (expectations are model's results)
# detail: p0 vma 0: 0x7ffff7ffd000-0x7ffff7fff000 --- pkey=0 guard vs 0x7ffff7ffd000-0x7ffff7ffe000 --- pkey=0 guard
# found by: mmdiff fuzz --minutes 2 --seed 11 (model vs impl); impl was wrong, fixed
# minimized: 31 -> 5 ops
mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
mmap(NULL, 0, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = -EINVAL
r0 = mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffd000
madvise(r0, 0x2000, MADV_GUARD_INSTALL) = 0
mprotect(r0, 0x2000, PROT_NONE) = 0
#! p0 vmas r0..r0+0x2000 --- guard
