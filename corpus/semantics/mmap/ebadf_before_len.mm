# mmdiff 1
# SEMANTICS §1.1 check 2: mm/mmap.c: ksys_mmap_pgoff — without MAP_ANONYMOUS, fget(fd) fails (EBADF)
# before any check of do_mmap: len 0 (EINVAL), len -1 (ENOMEM), MAP_HUGETLB on a non-hugetlbfs file,
# SHARED_VALIDATE with unknown flags. No file is ever open (docs/conventions.md).
mmap(NULL, 0, PROT_READ, MAP_PRIVATE, -1, 0) = -EBADF
mmap(NULL, -1, PROT_READ, MAP_SHARED, 1000, 0) = -EBADF
mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_HUGETLB, -1, 0) = -EBADF
mmap(NULL, 0x1000, PROT_READ|PROT_WRITE, MAP_SHARED_VALIDATE|0x40000000, 999, 0) = -EBADF
mmap(0x10000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_FIXED, -1, 0) = -EBADF
#! p0 vmas none
