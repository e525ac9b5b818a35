# mmdiff 1
# SEMANTICS §4.1: mm/mseal.c do_mseal — a length whose page-aligned end does not wrap (here
# 2^64 - 0x1800, half a page short of a page multiple) passes the EINVAL checks and meets
# the hole check: ENOMEM, nothing sealed; from a mapping above 0 the end wraps: EINVAL. (impl once computed the aligned end in doubles,
# which above 2^63 hold half pages: a RangeError, found by a campaign.)
r0 = mmap(0x10000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
mseal(NULL, -0x1800, 0) = -ENOMEM
mseal(r0, -0x1800, 0) = -EINVAL
mprotect(r0, -0x1800, PROT_NONE) = -ENOMEM
#! p0 vmas r0..r0+0x1000 r--
