# mmdiff 1
# SEMANTICS §5.2 MADV_PAGEOUT, corrected by the live 6.18 kernel (model,kernel campaign): without swap,
# mm/vmscan.c: shrink_folio_list re-activates an anonymous folio before unmapping it (no PTE change), but a
# shmem folio is try_to_unmap'ed first, then shmem_writeout fails (no swap) and redirties it: its PTE goes and
# the page stays in the object with its contents. A clean shmem folio (never written) leaves the page cache
# (__remove_mapping). A folio another process maps too is skipped (madvise_cold_or_pageout_pte_range:
# folio_maybe_mapped_shared); a read fault maps the cached neighbours too (fault-around), so p1's read maps all.
r0 = mmap(NULL, 0x2000, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ffd000
r1 = mmap(NULL, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ffc000
write(r0, 0x5) = 0
read(r0+0x1000) = 0
write(r1, 0x7) = 0
#! p0 pte r0 P RW US A D NX page
#! p0 pte r0+0x1000 P RW US A NX page
madvise(r0, 0x2000, MADV_PAGEOUT) = 0
madvise(r1, 0x1000, MADV_PAGEOUT) = 0
#! p0 pte r0 none
#! p0 pte r0+0x1000 none
#! p0 pte r1 P RW US A D NX page
read(r0) = 0x5
read(r0+0x1000) = 0
r2 = fork() = 1
p1: read(r0) = 0x5
madvise(r0, 0x2000, MADV_PAGEOUT) = 0
#! p0 pte r0 P RW US A D NX f1
#! p1 pte r0 P RW US A D NX f1
