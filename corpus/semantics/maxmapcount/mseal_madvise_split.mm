# mmdiff 1
# SEMANTICS §1.6, §4.1 step 8 (split can fail ENOMEM: the only partial seal), §5.1 step 7: mm/mseal.c:
# mseal_apply and mm/madvise.c: madvise_update_vma split via split_vma, which needs map_count < max — at the
# limit mseal of part of a VMA is ENOMEM (nothing sealed) and flag-changing madvise gets EAGAIN (the
# internal ENOMEM converted); whole-VMA changes need no split and work.
# machine maxMapCount=1
r0 = mmap(0x10000000, 0x3000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
mseal(r0+0x1000, 0x1000, 0) = -ENOMEM
madvise(r0+0x1000, 0x1000, MADV_RANDOM) = -EAGAIN
madvise(r0, 0x1000, MADV_DONTFORK) = -EAGAIN
#! p0 vmas r0..r0+0x3000 rw- account
madvise(r0, 0x1000, MADV_DONTNEED) = 0
madvise(r0, 0x3000, MADV_RANDOM) = 0
mseal(r0, 0x3000, 0) = 0
#! p0 vmas r0..r0+0x3000 rw- account sealed rand_read
