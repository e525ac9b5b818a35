# mmdiff 1
# SEMANTICS §1.1 check 11: mm/mmap.c: __get_unmapped_area — len > TASK_SIZE (0x7ffffffff000) is ENOMEM,
# for hinted, MAP_FIXED and type-0 (the map-type check comes later) mappings alike; a len that only
# fails to find a gap is ENOMEM too (check 12).
mmap(NULL, 0x800000000000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -ENOMEM
mmap(0x10000000, 0x7ffffffff001, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -ENOMEM
mmap(NULL, 0x800000000000, PROT_READ, MAP_ANONYMOUS, -1, 0) = -ENOMEM
mmap(NULL, -0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -ENOMEM
mmap(NULL, 0x7ffffffff000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE, -1, 0) = -ENOMEM
#! p0 vmas none
