# mmdiff 1
# SEMANTICS §1.1 check 22, §1.2: mm/mmap.c: do_mmap `default:` — anonymous memory accepts only the types
# MAP_SHARED (1), MAP_PRIVATE (2) and MAP_DROPPABLE (8); MAP_SHARED_VALIDATE (3), 0, 4..7 and 9..15 are
# EINVAL. The checks before it pass (free range, aligned), so nothing is mapped.
mmap(NULL, 0x1000, PROT_READ, MAP_SHARED_VALIDATE|MAP_ANONYMOUS, -1, 0) = -EINVAL
mmap(NULL, 0x1000, PROT_READ, MAP_ANONYMOUS, -1, 0) = -EINVAL
mmap(NULL, 0x1000, PROT_READ, MAP_ANONYMOUS|0x4, -1, 0) = -EINVAL
mmap(NULL, 0x1000, PROT_READ, MAP_ANONYMOUS|0x7, -1, 0) = -EINVAL
mmap(NULL, 0x1000, PROT_READ, MAP_ANONYMOUS|0x9, -1, 0) = -EINVAL
mmap(NULL, 0x1000, PROT_READ, MAP_ANONYMOUS|0xf, -1, 0) = -EINVAL
mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -EINVAL
#! p0 vmas none
