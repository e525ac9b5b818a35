# mmdiff 1
# Which blocks have a PTE table decides where a fault can map a THP (pmd_none): fork gives the child a
# table wherever the parent has one in a VMA it copies (mm/memory.c: copy_pte_range allocates it, empty
# or not) — the child's write there takes a 4K page, its write in a block without a table a THP; a
# VM_DONTFORK VMA is not copied, so the child's new mapping there starts without tables; mremap moving a
# whole aligned block takes its table along (mm/mremap.c: move_normal_pmd), so with MREMAP_DONTUNMAP the
# source block is pmd_none again (a THP) and the destination holds the (empty) table (a 4K page).
# Seen on the live kernel.
# machine zeroPage=0
r0 = mmap(0x40000000, 0x400000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, -1, 0) = 0x40000000
write(r0+0x1008, 0x1) = 0
madvise(r0+0x1000, 0x1000, MADV_DONTNEED) = 0
madvise(r0, 0x400000, MADV_HUGEPAGE) = 0
r1 = fork() = 1
p1: write(r0+0x2008, 0x2) = 0
p1: write(r0+0x200008, 0x3) = 0
#! p1 pte r0+0x2000 P RW US A D NX page
#! p1 pte r0+0x200000 P RW US A D PSE NX page
r2 = mmap(0x40800000, 0x400000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, -1, 0) = 0x40800000
write(r2+0x1008, 0x1) = 0
madvise(r2, 0x400000, MADV_DONTFORK) = 0
madvise(r2, 0x400000, MADV_HUGEPAGE) = 0
r3 = fork() = 2
p2: mmap(0x40800000, 0x400000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, -1, 0) = 0x40800000
p2: madvise(r2, 0x400000, MADV_HUGEPAGE) = 0
p2: write(r2+0x2008, 0x2) = 0
#! p2 pte r2 P RW US A D PSE NX page
mremap(r0, 0x200000, 0x200000, MREMAP_MAYMOVE|MREMAP_FIXED|MREMAP_DONTUNMAP, 0x50000000) = 0x50000000
write(r0+0x8, 0x5) = 0
write(0x50000008, 0x6) = 0
#! p0 pte r0 P RW US A D PSE NX page
#! p0 pte 0x50000000 P RW US A D NX page
#! p0 pte 0x50001000 none
