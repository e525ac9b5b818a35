# mmdiff 1
# madvise on a private hugetlb VMA with nothing mapped (empty pool), each measured on the live kernel:
# DONTNEED(_LOCKED) needs a huge-page-aligned start (madvise_dontneed_free_valid_vma; end rounded down),
# FREE EINVAL; REMOVE EACCES (a file, not shared: madvise_remove); COLD/PAGEOUT EINVAL (can_madv_lru_vma);
# COLLAPSE EINVAL; GUARD_* EINVAL (is_valid_guard_vma); WILLNEED 0; MERGEABLE/UNMERGEABLE 0 and no flag
# (ksm_madvise); WIPEONFORK EINVAL (vm_file); the other flag advice split like mprotect (EINVAL off a
# 2 MiB boundary, hugetlb_vm_op_split; nothing to do is 0 without a split). A DONTFORK VMA is not copied.
r0 = mmap(NULL, 0x400000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|MAP_NORESERVE, -1, 0) = 0x7ffff7a00000
madvise(r0, 0x1000, MADV_DONTNEED) = 0
madvise(r0+0x1000, 0x200000, MADV_DONTNEED) = -EINVAL
madvise(r0, 0x400000, MADV_DONTNEED_LOCKED) = 0
madvise(r0+0x1000, 0x1000, MADV_DONTNEED_LOCKED) = -EINVAL
madvise(r0, 0x400000, MADV_FREE) = -EINVAL
madvise(r0, 0x400000, MADV_REMOVE) = -EACCES
madvise(r0, 0x400000, MADV_COLD) = -EINVAL
madvise(r0, 0x400000, MADV_PAGEOUT) = -EINVAL
madvise(r0, 0x400000, MADV_COLLAPSE) = -EINVAL
madvise(r0, 0x400000, MADV_GUARD_INSTALL) = -EINVAL
madvise(r0, 0x400000, MADV_GUARD_REMOVE) = -EINVAL
madvise(r0, 0x400000, MADV_WILLNEED) = 0
madvise(r0, 0x400000, MADV_MERGEABLE) = 0
madvise(r0, 0x400000, MADV_UNMERGEABLE) = 0
madvise(r0, 0x400000, MADV_WIPEONFORK) = -EINVAL
madvise(r0, 0x400000, MADV_KEEPONFORK) = 0
madvise(r0+0x1000, 0x1000, MADV_DOFORK) = 0
madvise(r0+0x1000, 0x1000, MADV_DONTFORK) = -EINVAL
madvise(r0+0x1000, 0x1000, MADV_RANDOM) = -EINVAL
madvise(r0+0x200000, 0x200000, MADV_SEQUENTIAL) = 0
madvise(r0, 0x400000, MADV_HUGEPAGE) = 0
madvise(r0, 0x200000, MADV_NOHUGEPAGE) = 0
madvise(r0, 0x400000, MADV_DONTDUMP) = 0
madvise(r0+0x200000, 0x200000, MADV_DODUMP) = 0
madvise(r0, 0x400000, MADV_DONTFORK) = 0
madvise(r0, 0x400000, MADV_NORMAL) = 0
r1 = mmap(r0+0x400000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x7ffff7e00000
madvise(r0+0x200000, 0x201000, MADV_DONTNEED) = 0
madvise(r0+0x200000, 0x201000, MADV_FREE) = -EINVAL
r2 = fork() = 1
p1: read(r0) = fault SIGSEGV SEGV_MAPERR
#! p0 vmas r0..r0+0x200000 rw- dontfork dontdump noreserve nohugepage hugetlb | r0+0x200000..r0+0x400000 rw- dontfork noreserve hugepage hugetlb | r1..r1+0x1000 r--
#! p1 vmas r1..r1+0x1000 r--
