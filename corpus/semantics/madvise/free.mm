# mmdiff 1
# SEMANTICS §5.2 FREE, docs/conventions.md (no memory pressure): mm/madvise.c: madvise_free_single_vma,
# madvise_free_pte_range — MADV_FREE on private anon cleans the PTE (Accessed and Dirty cleared) and the
# content stays readable; MAP_SHARED anon is EINVAL; an mlocked VMA is EINVAL.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x44) = 0
madvise(r0, 0x1000, MADV_FREE) = 0
#! p0 pte r0 P RW US NX page
read(r0) = 0x44
write(r0, 0x45) = 0
read(r0) = 0x45
r1 = mmap(0x20000000, 0x1000, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
madvise(r1, 0x1000, MADV_FREE) = -EINVAL
r2 = mmap(0x30000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_LOCKED, -1, 0) = 0x30000000
madvise(r2, 0x1000, MADV_FREE) = -EINVAL
