# mmdiff 1
# Anonymous MAP_HUGETLB with an empty huge page pool (these machines): the errors of the
# hugetlbfs file come from its mmap, inside __mmap_region, after do_mmap's checks.
# fs/hugetlbfs/inode.c: hugetlbfs_file_mmap — `vma->vm_pgoff & (~huge_page_mask(h) >> PAGE_SHIFT)`: an
# offset that is not a whole number of huge pages is EINVAL (the offset of an anonymous mapping counts here)
mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB, -1, 0x1000) = -EINVAL
mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB, -1, 0x200000) = -ENOMEM
# fs/hugetlbfs/inode.c: hugetlb_get_unmapped_area — a MAP_FIXED address off the huge page boundary is
# EINVAL before mm_get_unmapped_area_vmflags checks the range (which would say ENOMEM here)
mmap(0x7fffffe01000, 0x200000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|MAP_FIXED, -1, 0) = -EINVAL
mmap(0x8000000010000001, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|MAP_FIXED_NOREPLACE, -1, 0) = -EINVAL
# mm/mmap.c: __get_unmapped_area — `len > TASK_SIZE` is ENOMEM before the file's get_unmapped_area
mmap(0x8000000010000001, 0x800000001000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|MAP_FIXED_NOREPLACE, -1, 0) = -ENOMEM
# mm/vma.c: __mmap_prepare — MAP_FIXED first gathers what it replaces and vms_clean_up_area clears it;
# when the file's mmap then fails, vms_abort_munmap_vmas cannot restore it and leaves a gap
r0 = mmap(0x10005000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10005000
write(r0, 0x41) = 0
mmap(0x10000000, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|MAP_FIXED, -1, 0) = -ENOMEM
#! p0 vmas none
# a sealed VMA in the range refuses the gather: nothing is removed
r1 = mmap(0x10405000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10405000
mseal(r1, 0x1000, 0) = 0
mmap(0x10400000, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|MAP_FIXED, -1, 0x1000) = -EPERM
#! p0 vmas r1..r1+0x1000 r-- sealed
