# mmdiff 1
# machine thp=1
# MADV_COLLAPSE walks the aligned blocks in order, collapses each populated one and stops
# at the first block with no page table (its scan result is not on madvise_collapse's
# continue list here): -EINVAL, the blocks after it untouched. Found by a thp=1
# model,kernel campaign (the model collapsed the later block).
r0 = mmap(0x40000000, 0x600000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
write(r0+0x1000, 0x1) = 0
write(r0+0x401000, 0x1) = 0
madvise(r0, 0x600000, MADV_COLLAPSE) = -EINVAL
#! p0 pte r0 P RW US A D PSE NX f0
#! p0 pte r0+0x200000 none
#! p0 pte r0+0x400000 none
#! p0 pte r0+0x401000 P RW US A D NX f512
# A block whose page table exists but maps nothing (its one page zapped by DONTNEED) is
# collapsed into a zero-filled THP (max_ptes_none does not bind MADV_COLLAPSE): 0.
r1 = mmap(0x50000000, 0x400000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x50000000
write(r1+0x1000, 0x1) = 0
madvise(r1+0x1000, 0x1000, MADV_DONTNEED) = 0
write(r1+0x201000, 0x1) = 0
madvise(r1, 0x400000, MADV_COLLAPSE) = 0
#! p0 pte r1 P RW US A D PSE NX f513
#! p0 pte r1+0x200000 P RW US A D PSE NX f1025
