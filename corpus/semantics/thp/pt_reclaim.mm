# mmdiff 1
# A huge fault needs pmd_none: a block that already has a PTE table (4K pages faulted before
# MADV_HUGEPAGE) keeps taking 4K pages. With CONFIG_PT_RECLAIM (this host) MADV_DONTNEED over the whole
# block frees the table it leaves empty (mm/memory.c: zap_pte_range, reclaim_pt_is_enabled ->
# try_to_free_pte), so the next fault maps a THP; a DONTNEED of part of a block keeps the table.
# Seen on the live kernel.
# machine zeroPage=0
r0 = mmap(0x40000000, 0x600000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
write(r0+0x1008, 0x1) = 0
write(r0+0x201008, 0x2) = 0
write(r0+0x401008, 0x3) = 0
madvise(r0, 0x600000, MADV_HUGEPAGE) = 0
madvise(r0, 0x200000, MADV_DONTNEED) = 0
madvise(r0+0x200000, 0x100000, MADV_DONTNEED) = 0
write(r0+0x10, 0x4) = 0
write(r0+0x200010, 0x5) = 0
write(r0+0x400010, 0x6) = 0
#! p0 pte r0 P RW US A D PSE NX f0
#! p0 pte r0+0x200000 P RW US A D NX f512
#! p0 pte r0+0x201000 none
#! p0 pte r0+0x400000 P RW US A D NX f513
#! p0 pte r0+0x401000 P RW US A D NX f514
read(r0+0x401008) = 0x3
