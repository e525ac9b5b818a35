# mmdiff 1
# machine thp=1 zeroPage=0
# No huge zero page where the kernel forbids the zero page (mm_forbids_zeropage, a PVM guest
# booted with pvm_no_zero_page=1): do_huge_pmd_anonymous_page allocates a THP for a read as
# for a write, maybe_pmd_mkwrite(pmd_mkdirty()): RW and D in a writable VMA; in a read-only
# one D on a non-writable entry becomes SavedDirty. MADV_POPULATE_READ does the same.
r0 = mmap(0x40000000, 0x400000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
madvise(r0, 0x200000, MADV_HUGEPAGE) = 0
read(r0+0x1000) = 0
#! p0 pte r0 P RW US A D PSE NX f0
#! p0 pte r0+0x1ff000 P RW US A D PSE NX f511
r1 = mmap(0x50000000, 0x200000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x50000000
madvise(r1, 0x200000, MADV_HUGEPAGE) = 0
read(r1+0x3000) = 0
#! p0 pte r1 P US A PSE SavedDirty NX f512
r2 = mmap(0x60000000, 0x200000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x60000000
madvise(r2, 0x200000, MADV_HUGEPAGE) = 0
madvise(r2, 0x200000, MADV_POPULATE_READ) = 0
#! p0 pte r2+0x5000 P RW US A D PSE NX f1029
