# mmdiff 1
# SEMANTICS §5.1 step 5, §5.2 POPULATE_READ/WRITE: mm/madvise.c: madvise_populate → faultin_page_range —
# POPULATE_READ maps the zero page into untouched private anon, POPULATE_WRITE allocates (write-fault
# PTE); no VMA flag changes. A permission mismatch (write to read-only, read of PROT_NONE) is EINVAL;
# a hole is ENOMEM and the pages after it are not populated.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
madvise(r0, 0x1000, MADV_POPULATE_READ) = 0
#! p0 pte r0 P US A NX Z
madvise(r0, 0x1000, MADV_POPULATE_WRITE) = 0
#! p0 pte r0 P RW US A D NX page
#! p0 vmas r0..r0+0x1000 rw- account
r1 = mmap(0x20000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
madvise(r1, 0x1000, MADV_POPULATE_WRITE) = -EINVAL
madvise(r1, 0x1000, MADV_POPULATE_READ) = 0
r2 = mmap(0x30000000, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x30000000
madvise(r2, 0x1000, MADV_POPULATE_READ) = -EINVAL
#! p0 pte r2 none
r3 = mmap(0x40000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
r4 = mmap(0x40002000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40002000
madvise(r3, 0x3000, MADV_POPULATE_WRITE) = -ENOMEM
#! p0 pte r3 P RW US A D NX page
#! p0 pte r4 none
