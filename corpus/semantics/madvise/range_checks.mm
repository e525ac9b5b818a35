# mmdiff 1
# SEMANTICS §5.1 steps 2-3, 6: mm/madvise.c: is_valid_madvise / do_madvise — unaligned start → EINVAL
# (even with len 0); a len that PAGE_ALIGNs to 0 → EINVAL; start + len wrapping → EINVAL; then len 0 → 0
# without any lookup; a fully unmapped range → ENOMEM.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
madvise(r0+0x800, 0x1000, MADV_DONTNEED) = -EINVAL
madvise(r0+0x800, 0, MADV_DONTNEED) = -EINVAL
madvise(r0, -1, MADV_DONTNEED) = -EINVAL
madvise(r0, -0x1000, MADV_NORMAL) = -EINVAL
madvise(0x20000000, 0, MADV_DONTNEED) = 0
madvise(0x20000000, 0x1000, MADV_DONTNEED) = -ENOMEM
madvise(0x20000000, 0x1000, MADV_RANDOM) = -ENOMEM
madvise(r0, 1, MADV_RANDOM) = 0
#! p0 vmas r0..r0+0x1000 rw- account rand_read
