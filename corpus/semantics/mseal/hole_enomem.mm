# mmdiff 1
# SEMANTICS §4.1 step 7: mm/mseal.c: range_contains_unmapped — any unmapped byte in [start,end) (start in a
# gap, end in a gap, a gap in the middle, nothing mapped, a range above TASK_SIZE) is ENOMEM and nothing at
# all is sealed (checked for the whole range before mseal_apply).
r0 = mmap(0x10000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
r1 = mmap(0x10002000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10002000
mseal(r0-0x1000, 0x2000, 0) = -ENOMEM
mseal(r1, 0x2000, 0) = -ENOMEM
mseal(r0, 0x3000, 0) = -ENOMEM
mseal(0x20000000, 0x1000, 0) = -ENOMEM
mseal(0x800000000000, 0x1000, 0) = -ENOMEM
#! p0 vmas r0..r0+0x1000 r-- | r1..r1+0x1000 r--
munmap(r0, 0x1000) = 0
