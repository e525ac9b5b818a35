# mmdiff 1
# machine gbPages=0
# A CPU without 1 GiB pages (no X86_FEATURE_GBPAGES, as these machines: no pdpe1gb in /proc/cpuinfo,
# no /sys/kernel/mm/hugepages/hugepages-1048576kB) has no 1 GiB hstate: MAP_HUGE_1GB (30 << MAP_HUGE_SHIFT)
# names none. mm/mmap.c: ksys_mmap_pgoff — hstate_sizelog(30) is NULL -> EINVAL, before do_mmap's len
# checks, as for any size log without an hstate (SEMANTICS §1.1 check 4). Seen on the live kernel.
mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|0x78000000, -1, 0) = -EINVAL
mmap(NULL, -1, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|0x78000000, -1, 0) = -EINVAL
# the default size (0) and 2 MiB (21 << MAP_HUGE_SHIFT) have their hstate: the empty pool refuses them later
mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|0x54000000, -1, 0) = -ENOMEM
# (len -1 rounded up to 2 MiB wraps to 0: do_mmap's `!len` EINVAL)
mmap(NULL, -1, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|0x54000000, -1, 0) = -EINVAL
#! p0 vmas none
