# mmdiff 1
# divergence: madvise pte.A 0/1
# class: pte
# targets: model,impl (expectations are model's results)
# detail: p1 0x7ffff7ffd000: PROTNONE SavedDirty frame=0 vs A PROTNONE SavedDirty frame=0
# found by: mmdiff fuzz --minutes 2 --seed 11 (model vs impl); impl was wrong, fixed
# minimized: 23 -> 5 ops
r0 = mmap(NULL, 0x8000, PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff7000
fork() = 1
p1: write(r0+0x6000, 0) = 0
p1: mprotect(r0, 0x8000, PROT_NONE) = 0
p1: madvise(r0+0x6000, 0x1000, MADV_COLD) = 0
#! p1 pte r0+0x6000 PROTNONE SavedDirty page
