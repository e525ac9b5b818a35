# mmdiff 1
# divergence: madvise pte.SavedDirty 0/1
# class: pte
# targets: model,impl (expectations are model's results)
# detail: p1 0x7ffff7ffe000: PROTNONE frame=0 vs PROTNONE SavedDirty frame=0
# found by: mmdiff fuzz --minutes 2 --seed 11 (model vs impl); impl was wrong, fixed
# minimized: 20 -> 4 ops
r0 = mmap(NULL, 0x1000, PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE, 0, 0) = 0x7ffff7ffe000
fork() = 1
p1: mprotect(r0, 0x1000, PROT_NONE) = 0
p1: madvise(r0, 0x1000, MADV_FREE) = 0
#! p1 pte r0 PROTNONE page
