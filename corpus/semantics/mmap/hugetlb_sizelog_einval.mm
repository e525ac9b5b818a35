# mmdiff 1
# SEMANTICS §1.1 check 4: mm/mmap.c: ksys_mmap_pgoff — anonymous MAP_HUGETLB looks up the huge page size
# from the MAP_HUGE_* bits (flags >> 26 & 0x3f) before do_mmap; log 1 (2-byte pages) has no hstate →
# EINVAL, before do_mmap's len checks (len -1 would be ENOMEM there, len 0 EINVAL anyway) and before the
# map type. Only the offset check (check 1) comes earlier.
mmap(NULL, -1, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|0x4000000, -1, 0) = -EINVAL
mmap(NULL, 0x200000, PROT_READ|PROT_WRITE, MAP_ANONYMOUS|MAP_HUGETLB|0xc000000, -1, 0) = -EINVAL
mmap(NULL, 0x200000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|0x4000000, -1, 0x800) = -EINVAL
#! p0 vmas none
