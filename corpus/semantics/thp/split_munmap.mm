# mmdiff 1
# munmap of one 4K page of a THP splits the VMA there, and vma_adjust_trans_huge splits the PMD into
# 512 PTEs first (mm/huge_memory.c: split_huge_pmd_if_needed -> __split_huge_pmd_locked: the PMD's RW,
# A and dirtiness on each PTE, vm_page_prot for the rest); a munmap of a whole block zaps the PMD
# (zap_huge_pmd) and free_pgtables leaves the block pmd_none, so a new VMA there faults a THP again;
# MADV_DONTNEED of half a block splits it and zaps that half. Seen on the live kernel.
# machine zeroPage=0
r0 = mmap(0x40000000, 0x600000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
madvise(r0, 0x600000, MADV_HUGEPAGE) = 0
write(r0+0x1008, 0x1) = 0
write(r0+0x201008, 0x2) = 0
write(r0+0x401008, 0x3) = 0
munmap(r0+0x5000, 0x1000) = 0
#! p0 pte r0+0x4000 P RW US A D NX f4
#! p0 pte r0+0x5000 none
#! p0 pte r0+0x6000 P RW US A D NX f5
munmap(r0+0x200000, 0x200000) = 0
#! p0 pte r0+0x200000 none
madvise(r0+0x400000, 0x100000, MADV_DONTNEED) = 0
#! p0 pte r0+0x400000 none
#! p0 pte r0+0x4ff000 none
#! p0 pte r0+0x500000 P RW US A D NX page
r1 = mmap(0x40200000, 0x200000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40200000
madvise(r1, 0x200000, MADV_HUGEPAGE) = 0
write(r1+0x8, 0x4) = 0
#! p0 pte r1 P RW US A D PSE NX page
