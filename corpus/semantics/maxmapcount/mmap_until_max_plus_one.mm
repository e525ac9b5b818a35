# mmdiff 1
# SEMANTICS §1.1 check 10, §1.6, key finding 9: mm/mmap.c: do_mmap — the check is map_count >
# max_map_count (strictly greater), so a new mapping is still allowed at map_count == max (reaching
# max + 1) and refused (ENOMEM) after that, even MAP_FIXED over an existing VMA or a merging one.
# machine maxMapCount=3
r0 = mmap(0x10000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
r1 = mmap(0x10002000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10002000
r2 = mmap(0x10004000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10004000
r3 = mmap(0x10006000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10006000
mmap(0x10008000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -ENOMEM
mmap(0x10001000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -ENOMEM
mmap(r0, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -ENOMEM
mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -ENOMEM
#! p0 vmas r0..r0+0x1000 r-- | r1..r1+0x1000 r-- | r2..r2+0x1000 r-- | r3..r3+0x1000 r--
munmap(r3, 0x1000) = 0
r4 = mmap(0x10001000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10001000
#! p0 vmas r0..r1+0x1000 r-- | r2..r2+0x1000 r--
