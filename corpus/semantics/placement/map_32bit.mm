# mmdiff 1
# SEMANTICS §1.2 MAP_32BIT / MAP_ABOVE4G: arch/x86/kernel/sys_x86_64.c: find_start_end,
# arch_get_unmapped_area — MAP_32BIT places bottom-up in [0x40000000, 0x80000000) (no randomisation:
# mmap_base 0x7ffff7fff000 is the non-randomised layout); MAP_32BIT|MAP_ABOVE4G is not rejected and
# MAP_32BIT wins (ABOVE4G is ignored on the bottom-up path).
r0 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_32BIT, -1, 0) = 0x40000000
r1 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_32BIT|MAP_ABOVE4G, -1, 0) = 0x40001000
r2 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ffe000
#! p0 vmas r0..r1+0x1000 r-- | r2..r2+0x1000 r--
