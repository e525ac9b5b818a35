# mmdiff 1
# Anonymous MAP_HUGETLB on these machines: an empty hugetlb pool (nr_hugepages = 0, the default
# machine's hugePages=0). Without MAP_NORESERVE the reservation fails (mm/hugetlb.c: hugetlb_reserve_pages
# -> hugetlb_acct_memory: ENOMEM) — after do_mmap's file_mmap_ok (offset + len past 2^63 - 1: EOVERFLOW,
# even for an offset of whole huge pages). Seen on the live kernel.
mmap(NULL, 0x200000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB, -1, 0) = -ENOMEM
mmap(NULL, 0x200000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB, -1, 0x7fffffffffe00000) = -EOVERFLOW
mmap(NULL, 0x200000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB, -1, 0x7fffffffffc00000) = -ENOMEM
#! p0 vmas none
