# mmdiff 1
# SEMANTICS §7 step 5: mm/mmap.c: brk — growth needs newbrk + PAGE_SIZE <= vm_start_gap(next): one free
# page must remain below the next VMA (obstacle at start_brk + 10 pages: +10 pages fails, also an
# unaligned brk rounding up to it, +9 pages works); a failing brk returns the old brk and maps nothing.
r0 = mmap(0x4d3000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x4d3000
brk(0x4d3000) = 0x4c9000
brk(0x4d2001) = 0x4c9000
brk(0x4e0000) = 0x4c9000
#! p0 vmas r0..r0+0x1000 r--
#! p0 brk 0x4c9000
brk(0x4d2000) = 0x4d2000
#! p0 vmas 0x4c9000..0x4d2000 rw- account | r0..r0+0x1000 r--
