# mmdiff 1
# SEMANTICS §1.6 (mremap move), §6.1 step 5, §6.2 move_vma: mm/mremap.c — with MREMAP_FIXED/DONTUNMAP,
# check_mremap_params refuses map_count + 2 >= max - 3 (ENOMEM) before anything; a MAYMOVE expansion that
# must move is refused by prep_move_vma when map_count >= max - 3.
# machine maxMapCount=6
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
mremap(r0, 0x1000, 0x1000, MREMAP_MAYMOVE|MREMAP_FIXED, 0x20000000) = -ENOMEM
mremap(r0, 0x1000, 0x1000, MREMAP_MAYMOVE|MREMAP_DONTUNMAP, 0x20000000) = -ENOMEM
r1 = mmap(0x10001000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10001000
r2 = mmap(0x30000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x30000000
mremap(r0, 0x1000, 0x2000, MREMAP_MAYMOVE, NULL) = -ENOMEM
#! p0 vmas r0..r0+0x1000 rw- account | r1..r1+0x1000 r-- | r2..r2+0x1000 r--
munmap(r2, 0x1000) = 0
r3 = mremap(r0, 0x1000, 0x2000, MREMAP_MAYMOVE, NULL) = 0x7ffff7ffd000
#! p0 vmas r1..r1+0x1000 r-- | r3..r3+0x2000 rw- account
