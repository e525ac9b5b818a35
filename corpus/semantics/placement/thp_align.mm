# mmdiff 1
# SEMANTICS §1.3: mm/mmap.c: __get_unmapped_area → mm/huge_memory.c: __thp_get_unmapped_area — a private
# anonymous map with no hint and len % 2 MiB == 0 searches len + 2 MiB top-down and returns the 2 MiB
# aligned address inside it (ret + off_sub; ret + 2 MiB when the padded area is already aligned);
# a hinted or non-multiple length is placed normally.
r0 = mmap(NULL, 0x200000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7c00000
r1 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ffe000
r2 = mmap(NULL, 0x400000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7800000
r3 = mmap(0x50001000, 0x200000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x50001000
#! p0 vmas r3..r3+0x200000 r-- | r2..r0+0x200000 r-- | r1..r1+0x1000 r--
r4 = mmap(NULL, 0x201000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff75ff000
#! p0 vmas r3..r3+0x200000 r-- | r4..r0+0x200000 r-- | r1..r1+0x1000 r--
