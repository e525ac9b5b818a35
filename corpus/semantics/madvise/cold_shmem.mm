# mmdiff 1
# mm/madvise.c: madvise_cold_or_pageout_pte_range — COLD makes old (clears A of) the present PTE
# of every normal LRU folio mapped exactly once (`folio_mapcount(folio) != folio_nr_pages(folio)`
# skips the others), anonymous or not: a MAP_SHARED|MAP_ANONYMOUS (shmem) page too. Seen on the
# live kernel with real PTE bits (a model,kernel campaign; the model cleared anon pages only).
# (A read fault of a shared writable mapping maps the page writable, not dirty: no write
# notification for shmem.) A shmem page mapped in two processes keeps A.
r0 = mmap(0x10000000, 0x3000, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
read(r0) = 0
write(r0+0x1000, 0x7) = 0
madvise(r0, 0x3000, MADV_COLD) = 0
#! p0 pte r0 P RW US NX page
#! p0 pte r0+0x1000 P RW US D NX page
read(r0+0x1000) = 0x7
#! p0 pte r0+0x1000 P RW US A D NX page
r1 = fork() = 1
p1: read(r0+0x1000) = 0x7
madvise(r0, 0x3000, MADV_COLD) = 0
#! p0 pte r0+0x1000 P RW US A D NX f1
#! p1 pte r0+0x1000 P RW US A D NX f1
