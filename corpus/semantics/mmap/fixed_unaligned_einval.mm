# mmdiff 1
# SEMANTICS §1.1 check 14: mm/mmap.c: __get_unmapped_area — offset_in_page(addr) for MAP_FIXED and
# MAP_FIXED_NOREPLACE is EINVAL; it precedes the NOREPLACE overlap check (16) and the map type (22).
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
mmap(0x20000800, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -EINVAL
mmap(r0+0x10, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = -EINVAL
mmap(r0+0x1, 0x1000, PROT_READ, MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -EINVAL
# nothing was replaced
#! p0 vmas r0..r0+0x2000 rw- account
