# mmdiff 1
# machine thp=1
# MADV_COLLAPSE of an aligned 2 MiB block of a VMA with an anon_vma returns 0 without
# MADV_HUGEPAGE too (one written page suffices): the block becomes one PMD, P RW US A D PSE
# NX, the pages never touched zero-filled. VM_NOHUGEPAGE makes it EINVAL.
r0 = mmap(0x40000000, 0x400000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
write(r0+0x1000, 0x41) = 0
write(r0+0x5000, 0x42) = 0
#! p0 pte r0+0x1000 P RW US A D NX f0
#! p0 pte r0 none
madvise(r0, 0x200000, MADV_COLLAPSE) = 0
#! p0 vmas r0..r0+0x400000 rw- account
#! p0 pte r0 P RW US A D PSE NX f0
#! p0 pte r0+0x1000 P RW US A D PSE NX f1
#! p0 pte r0+0x1ff000 P RW US A D PSE NX f511
#! p0 pte r0+0x200000 none
write(r0+0x200000, 0x43) = 0
madvise(r0+0x200000, 0x200000, MADV_NOHUGEPAGE) = 0
madvise(r0+0x200000, 0x200000, MADV_COLLAPSE) = -EINVAL
#! p0 pte r0+0x200000 P RW US A D NX f512
