# mmdiff 1
# SEMANTICS §5.1 step 1: mm/madvise.c: madvise_behavior_valid — an invalid advice (5, 6, 7, 26..99, 104,
# -1) is EINVAL before the alignment and len checks and before len == 0 returns 0.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
madvise(r0, 0, 5) = -EINVAL
madvise(r0+0x1, 0x1000, 6) = -EINVAL
madvise(0x20000000, 0x1000, 7) = -EINVAL
madvise(r0, 0x1000, 26) = -EINVAL
madvise(r0, 0x1000, 99) = -EINVAL
madvise(r0, 0x1000, 104) = -EINVAL
madvise(r0, -1, -1) = -EINVAL
madvise(r0, 0, MADV_NORMAL) = 0
