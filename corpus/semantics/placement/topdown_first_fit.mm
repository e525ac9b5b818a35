# mmdiff 1
# SEMANTICS §1.3 step 3: arch/x86/kernel/sys_x86_64.c: arch_get_unmapped_area_topdown, mm/vma.c:
# unmapped_area_topdown — without a hint the highest gap below mmap_base (0x7ffff7fff000) that fits is
# used, at its top: consecutive 1-page maps go downward adjacent (and merge); a freed 1-page hole is
# reused by a 1-page map, skipped by a 3-page map.
r0 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ffe000
r1 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ffd000
r2 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ffc000
#! p0 vmas r2..r0+0x1000 r--
munmap(r1, 0x1000) = 0
#! p0 vmas r2..r2+0x1000 r-- | r0..r0+0x1000 r--
r3 = mmap(NULL, 0x3000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ff9000
r4 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ffd000
#! p0 vmas r3..r0+0x1000 r--
