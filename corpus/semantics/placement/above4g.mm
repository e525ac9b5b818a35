# mmdiff 1
# SEMANTICS §1.2 MAP_ABOVE4G, §1.3 steps 3-4: arch/x86/kernel/sys_x86_64.c: arch_get_unmapped_area_topdown
# — MAP_ABOVE4G sets low_limit = 4 GiB. With [4 GiB, mmap_base - 4 KiB) filled by one PROT_NONE VMA, a
# 2-page map without ABOVE4G takes the top of the gap below 4 GiB; with ABOVE4G the top-down search fails
# and the bottom-up fallback (from mmap_legacy_base, inside the filler) returns the first gap above it.
r0 = mmap(0x100000000, 0x7ffef7ffe000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_NORESERVE, -1, 0) = 0x100000000
r1 = mmap(NULL, 0x2000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0xffffe000
r2 = mmap(NULL, 0x2000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_ABOVE4G, -1, 0) = 0x7ffff7ffe000
r3 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_ABOVE4G, -1, 0) = 0x7ffff8000000
#! p0 vmas r1..r1+0x2000 r-- | r0..r0+0x7ffef7ffe000 --- noreserve | r2..r3+0x1000 r--
