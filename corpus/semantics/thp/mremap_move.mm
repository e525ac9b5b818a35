# mmdiff 1
# mremap moving a whole block to a 2 MiB-aligned address moves the PMD as it is (mm/mremap.c:
# move_page_tables -> move_huge_pmd); to an address that is not aligned the PMD is split first and its
# PTEs move (split_huge_pmd). Seen on the live kernel.
# machine zeroPage=0
r0 = mmap(0x40000000, 0x800000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
madvise(r0, 0x800000, MADV_HUGEPAGE) = 0
write(r0+0x1008, 0x1) = 0
write(r0+0x201008, 0x2) = 0
r1 = mmap(0x50000000, 0x800000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x50000000
mremap(r0, 0x200000, 0x200000, MREMAP_MAYMOVE|MREMAP_FIXED, r1) = 0x50000000
#! p0 pte r1 P RW US A D PSE NX page
mremap(r0+0x200000, 0x200000, 0x200000, MREMAP_MAYMOVE|MREMAP_FIXED, r1+0x401000) = 0x50401000
#! p0 pte r1+0x401000 P RW US A D NX page
#! p0 pte r1+0x600000 P RW US A D NX page
read(r1+0x1008) = 0x1
read(r1+0x402008) = 0x2
