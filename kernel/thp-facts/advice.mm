# mmdiff 1
# machine thp=1
# MADV_COLD clears A on the PMD; MADV_FREE of the whole block clears A and D, without a
# split. mremap of the block to an aligned address moves the PMD (move_huge_pmd); to an
# unaligned one it is split first.
r0 = mmap(0x40000000, 0x400000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
madvise(r0, 0x400000, MADV_HUGEPAGE) = 0
write(r0+0x1000, 0x41) = 0
write(r0+0x200000, 0x42) = 0
madvise(r0, 0x200000, MADV_COLD) = 0
#! p0 pte r0 P RW US D PSE NX f0
madvise(r0+0x200000, 0x200000, MADV_FREE) = 0
#! p0 pte r0+0x200000 P RW US PSE NX f512
r1 = mremap(r0, 0x200000, 0x200000, MREMAP_MAYMOVE|MREMAP_FIXED, 0x60000000) = 0x60000000
#! p0 pte r1 P RW US D PSE NX f512
r2 = mremap(r0+0x200000, 0x200000, 0x200000, MREMAP_MAYMOVE|MREMAP_FIXED, 0x70100000) = 0x70100000
#! p0 pte r2 P RW US NX f512
