# mmdiff 1
# mm/mmap.c: ksys_mmap_pgoff — anonymous MAP_HUGETLB sets up a hugetlbfs file with VM_NORESERVE,
# so nothing is reserved before do_mmap, which takes the execute-only pkey for prot == PROT_EXEC
# (before __get_unmapped_area); the reservation fails only in the file's mmap
# (hugetlbfs_file_mmap -> hugetlb_reserve_pages, no huge pages here): ENOMEM, the key stays allocated.
mmap(NULL, 0x1000, PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB, -1, 0) = -ENOMEM
#! p0 pkeys 0x3
# do_mmap's checks come before that ENOMEM: an unaligned MAP_FIXED address (hugetlb_get_unmapped_area)
mmap(0x10001000, 0x200000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|MAP_FIXED, -1, 0) = -EINVAL
r0 = mmap(0x10000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
mmap(0x10000000, 0x200000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|MAP_FIXED_NOREPLACE, -1, 0) = -EEXIST
mmap(0x10200000, 0x200000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|MAP_FIXED, -1, 0) = -ENOMEM
