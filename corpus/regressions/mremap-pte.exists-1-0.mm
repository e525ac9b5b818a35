# mmdiff 1
# divergence: mremap pte.exists 1/0
# class: pte
# targets: model,impl (expectations are model's results)
# detail: p0 0x1000: P US A NX frame=Z vs (none)
# found by: mmdiff fuzz --minutes 2 --seed 11 (model vs impl); impl was wrong, fixed
# minimized: 16 -> 3 ops
r0 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, 0, 0) = 0
read(NULL) = 0
mremap(NULL, 0x1000, 0x1000, MREMAP_MAYMOVE|MREMAP_FIXED|MREMAP_DONTUNMAP, r0+0x1000) = 0x1000
#! p0 pte 0x1000 P US A NX Z
