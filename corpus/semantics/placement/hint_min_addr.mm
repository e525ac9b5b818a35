# mmdiff 1
# SEMANTICS §1.1 (round_hint_to_min), §1.3 step 2: mm/mmap.c: round_hint_to_min — a non-zero hint below
# mmap_min_addr becomes PAGE_ALIGN(mmap_min_addr), which is then honoured when free; once occupied the
# same hint falls through to the top-down search.
# machine mmapMinAddr=0x10000
r0 = mmap(0x5000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x10000
r1 = mmap(0x5000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ffe000
#! p0 vmas r0..r0+0x1000 r-- | r1..r1+0x1000 r--
