# mmdiff 1
# get_user_pages faults THPs in like the CPU (mm/gup.c: faultin_page -> handle_mm_fault) and follows a
# huge PMD as one leaf (mm/huge_memory.c: follow_huge_pmd, can_follow_write_pmd): /proc/self/mem writes
# into a read-only VM_HUGEPAGE VMA (FOLL_FORCE) write the THP the fault made, which stays read-only
# (SavedDirty); MADV_POPULATE_READ / WRITE map whole blocks. Seen on the live kernel.
# machine zeroPage=0
r0 = mmap(0x40000000, 0x400000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
madvise(r0, 0x400000, MADV_HUGEPAGE) = 0
mem_write(r0+0x1008, 0x1) = 8
#! p0 pte r0 P US A PSE SavedDirty NX f0
read(r0+0x201008) = 0
mem_write(r0+0x202008, 0x2) = 8
#! p0 pte r0+0x200000 P US A PSE SavedDirty NX f512
read(r0+0x202008) = 0x2
r1 = mmap(0x40800000, 0x400000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40800000
madvise(r1, 0x400000, MADV_HUGEPAGE) = 0
madvise(r1, 0x200000, MADV_POPULATE_READ) = 0
madvise(r1+0x200000, 0x200000, MADV_POPULATE_WRITE) = 0
#! p0 pte r1 P RW US A D PSE NX page
#! p0 pte r1+0x3ff000 P RW US A D PSE NX page
