# mmdiff 1
# machine pku=0 mmapMinAddr=0x10000 memoryFailure=0 zeroPage=0 ramSwap=0x5e2939000 gbPages=0 reserved=0x400000-0x406000,0x406000-0x407000,0x7ffffafc0000-0x7ffffb000000,0x7ffffb000000-0x7fffff000000
# Found by a 30-minute model,kernel campaign (seed 30): a hugetlb mapping's area is searched
# aligned to the huge page (x86 get_align_mask: len + 2 MiB - 4 KiB must fit), so a length
# that fits only unaligned is ENOMEM before hugetlbfs_file_mmap's offset check (EINVAL).
mmap(NULL, 0x7ffff7801000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB, -1, 0x1000) = -ENOMEM
mmap(NULL, 0x7ffff7601000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB, -1, 0x1000) = -EINVAL
