# mmdiff 1
# SEMANTICS §1.1 (vm_mmap_pgoff: mm_populate when VM_LOCKED or MAP_POPULATE; failures ignored), §1.2
# MAP_POPULATE/MAP_LOCKED: mm/gup.c: populate_vma_page_range — a private writable range is prefaulted
# with write faults (fresh pages, §9.4 write-fault PTE), a read-only one with read faults (zero page),
# PROT_NONE is not populated and mmap still succeeds.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_POPULATE, -1, 0) = 0x10000000
#! p0 pte r0 P RW US A D NX page
#! p0 pte r0+0x1000 P RW US A D NX page
r1 = mmap(0x10010000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_POPULATE, -1, 0) = 0x10010000
#! p0 pte r1 P US A NX Z
r2 = mmap(0x10020000, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_POPULATE, -1, 0) = 0x10020000
#! p0 pte r2 none
r3 = mmap(0x10030000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_LOCKED, -1, 0) = 0x10030000
#! p0 pte r3 P RW US A D NX page
read(r0) = 0
read(r3) = 0
#! p0 vmas r0..r0+0x2000 rw- account | r1..r1+0x1000 r-- | r2..r2+0x1000 --- | r3..r3+0x1000 rw- locked account
