# mmdiff 1
# mm/gup.c: follow_page_pte — FOLL_TOUCH: MADV_POPULATE_WRITE (faultin_page_range) through a
# present writable but clean PTE leaves the PTE as it is and folio_mark_dirty()s the folio.
# A dirty shmem folio then shows: a read fault (or fault-around) of a writable shared mapping
# maps it with D (mm/memory.c: set_pte_range `pte_write(entry) && folio_test_dirty(folio)`),
# and MADV_PAGEOUT keeps it in the object (shmem_writeout without swap redirties it) where a
# clean one would leave the page cache. Seen on the live kernel with real PTE bits.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
read(r0) = 0
#! p0 pte r0 P RW US A NX f0
madvise(r0, 0x2000, MADV_POPULATE_WRITE) = 0
#! p0 pte r0 P RW US A NX f0
#! p0 pte r0+0x1000 P RW US A D NX f1
r1 = fork() = 1
p1: read(r0) = 0
#! p1 pte r0 P RW US A D NX f0
#! p1 pte r0+0x1000 P RW US A D NX f1
p1: exit(0) = 0
madvise(r0, 0x2000, MADV_PAGEOUT) = 0
#! p0 pte r0 none
read(r0+0x1000) = 0
#! p0 pte r0 P RW US A D NX f0
# the same for a MADV_FREE'd private page: the lazyfree folio is dirty again and PAGEOUT keeps it
r2 = mmap(0x20000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
write(r2, 0x5) = 0
madvise(r2, 0x1000, MADV_FREE) = 0
#! p0 pte r2 P RW US NX f2
madvise(r2, 0x1000, MADV_POPULATE_WRITE) = 0
#! p0 pte r2 P RW US NX f2
madvise(r2, 0x1000, MADV_PAGEOUT) = 0
read(r2) = 0x5
