# mmdiff 1
# machine hugePages=2
# Anonymous MAP_HUGETLB with a hugetlb pool of two free 2 MiB pages and no surplus pages
# (nr_overcommit_hugepages = 0). A private mapping reserves every huge page it spans at mmap time:
# mm/hugetlb.c: hugetlb_reserve_pages (chg = to - from) -> hugetlb_acct_memory -> gather_surplus_pages:
# `needed = (h->resv_huge_pages + delta) - h->free_huge_pages`, and no surplus page can be allocated:
# ENOMEM when the pool is short. (A mapping that gets its reservation is a hugetlb VMA, which model and
# impl do not model: such a program is "not run".)
mmap(NULL, 0x600000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB, -1, 0) = -ENOMEM
# the length is rounded up to whole huge pages first (ksys_mmap_pgoff): 4 MiB + 1 byte is three
mmap(NULL, 0x400001, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB, -1, 0) = -ENOMEM
# MAP_SHARED reserves the pages of the file range the same way (region_chg on a new file: all of them)
mmap(NULL, 0x600000, PROT_READ, MAP_SHARED|MAP_ANONYMOUS|MAP_HUGETLB, -1, 0) = -ENOMEM
# mm/mmap.c: do_mmap — file_mmap_ok: the hugetlbfs file is a regular file, so offset + len must stay
# within MAX_LFS_FILESIZE (2^63 - 1): `pgoff > (maxsize - len) >> PAGE_SHIFT` -> EOVERFLOW, before the
# reservation (and before hugetlbfs_file_mmap, whose own loff_t checks it makes unreachable). Seen on the live kernel.
mmap(NULL, 0x200000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB, -1, 0x8000000000000000) = -EOVERFLOW
mmap(NULL, 0x200000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB, -1, 0x7fffffffffe00000) = -EOVERFLOW
mmap(NULL, 0x600000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB, -1, 0x7fffffffffa00000) = -EOVERFLOW
mmap(NULL, 0x600000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB, -1, 0x7fffffffff800000) = -ENOMEM
# it comes after MAP_FIXED_NOREPLACE's EEXIST and before the map type's EINVAL, and MAP_FIXED has unmapped nothing yet
r0 = mmap(0x10000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
mmap(0x10000000, 0x200000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|MAP_FIXED_NOREPLACE, -1, 0x7fffffffffe00000) = -EEXIST
mmap(0x10000000, 0x200000, PROT_READ, MAP_ANONYMOUS|MAP_HUGETLB|MAP_FIXED, -1, 0x7fffffffffe00000) = -EOVERFLOW
mmap(0x10000000, 0x200000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|MAP_FIXED, -1, 0x7fffffffffe00000) = -EOVERFLOW
#! p0 vmas r0..r0+0x1000 r--
