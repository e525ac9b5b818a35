# mmdiff 1
# SEMANTICS §1.3 step 2: arch/x86/kernel/sys_x86_64.c: arch_get_unmapped_area_topdown — a free hint is
# honoured exactly (an unaligned one rounded down); a hint whose range overlaps the next VMA, or is not
# mmap_address_hint_valid (0x7ffffffff000 + 4096 > TASK_SIZE), falls through to the top-down search,
# never an error; mm/mmap.c: round_hint_to_min — a hint below mmap_min_addr after masking (0x800 → 0) is
# no hint. A hint ending exactly at the next VMA's start is accepted (and merges).
r0 = mmap(0x20000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x20000000
r1 = mmap(0x30000123, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x30000000
r2 = mmap(0x20000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ffe000
r3 = mmap(0x1ffff000, 0x2000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ffc000
r4 = mmap(0x7ffffffff000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ffb000
r5 = mmap(0x800, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ffa000
r6 = mmap(0x1ffff000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x1ffff000
#! p0 vmas r6..r0+0x1000 r-- | r1..r1+0x1000 r-- | r5..r2+0x1000 r--
