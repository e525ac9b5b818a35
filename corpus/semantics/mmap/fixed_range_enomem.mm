# mmdiff 1
# SEMANTICS §1.1 check 13 before check 14: mm/mmap.c: __get_unmapped_area — a MAP_FIXED address with
# addr > TASK_SIZE - len is ENOMEM, checked before the alignment of addr (0x7ffffffff001 is unaligned
# and still ENOMEM). Only failing calls here: the top user page may hold a live process's stack.
mmap(0x7ffffffff001, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -ENOMEM
mmap(0x7ffffffff000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -ENOMEM
mmap(0x7fffffffe000, 0x2000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -ENOMEM
mmap(0x800000000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = -ENOMEM
mmap(0xffffffffff600000, 0x1000, PROT_READ, MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -ENOMEM
#! p0 vmas none
