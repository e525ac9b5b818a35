# mmdiff 1
# SEMANTICS §6.2 mremap_to / move_vma with MREMAP_DONTUNMAP: mm/mremap.c — without FIXED new_addr is a hint
# (honoured when free); the page tables move (same frame, contents at the new address) and the old VMA
# stays mapped but empty: private anon reads there give zero-fill.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x77) = 0
r1 = mremap(r0, 0x1000, 0x1000, MREMAP_MAYMOVE|MREMAP_DONTUNMAP, 0x20000000) = 0x20000000
#! p0 pte r0 none
#! p0 pte r1 P RW US A D NX f0
read(r1) = 0x77
read(r0) = 0
write(r0, 0x78) = 0
read(r1) = 0x77
