# mmdiff 1
# SEMANTICS §1.1 check 8: mm/mmap.c: do_mmap — len = PAGE_ALIGN(len) wraps to 0 for len > ULONG_MAX-4095:
# ENOMEM, after len == 0 and before the map-type switch (a type-0 mapping still gets ENOMEM).
mmap(NULL, -1, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -ENOMEM
mmap(NULL, -0xfff, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -ENOMEM
mmap(NULL, -1, PROT_READ, MAP_ANONYMOUS, -1, 0) = -ENOMEM
mmap(0x10000000, -1, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -ENOMEM
#! p0 vmas none
