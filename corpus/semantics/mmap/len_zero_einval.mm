# mmdiff 1
# SEMANTICS §1.1 check 7: mm/mmap.c: do_mmap — len == 0 is EINVAL for anonymous memory, checked before
# the map type (check 22), before MAP_FIXED alignment (check 14) and before the NOREPLACE overlap (16).
r0 = mmap(0x10000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
mmap(NULL, 0, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -EINVAL
mmap(NULL, 0, PROT_READ, MAP_ANONYMOUS, -1, 0) = -EINVAL
mmap(0x10000800, 0, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -EINVAL
mmap(r0, 0, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = -EINVAL
#! p0 vmas r0..r0+0x1000 r--
