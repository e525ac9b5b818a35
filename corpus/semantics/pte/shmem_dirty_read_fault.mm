# mmdiff 1
# mm/memory.c: set_pte_range — a read fault maps a shared page writable (no writenotify for shmem)
# and marks the PTE dirty only if the folio is already dirty: a write fault dirties the folio
# (do_shared_fault -> fault_dirty_shared_page), and zapping a dirty PTE does too
# (zap_present_folio_ptes). A write through an already-writable PTE sets only the PTE's D.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
read(r0) = 0
#! p0 pte r0 P RW US A NX page
write(r0, 0x41) = 0
#! p0 pte r0 P RW US A D NX page
write(r0+0x1000, 0x42) = 0
#! p0 pte r0+0x1000 P RW US A D NX page
madvise(r0, 0x2000, MADV_DONTNEED) = 0
#! p0 pte r0 none
read(r0+0x1000) = 0x42
#! p0 pte r0 P RW US A D NX page
#! p0 pte r0+0x1000 P RW US A D NX page
read(r0) = 0x41
r1 = mmap(0x10010000, 0x1000, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10010000
read(r1) = 0
write(r1, 0x43) = 0
madvise(r1, 0x1000, MADV_DONTNEED) = 0
read(r1) = 0x43
#! p0 pte r1 P RW US A D NX page
