# mmdiff 1
# A hugetlb VMA splits only at a huge-page boundary: mm/vma.c __split_vma -> vm_ops->may_split =
# mm/hugetlb.c: hugetlb_vm_op_split, EINVAL otherwise — for munmap (either end; a split already done stays,
# as MAP_FIXED over the second half shows), mprotect, mseal and MAP_FIXED; aligned splits work. hugetlb VMAs
# are VM_DONTEXPAND (VM_SPECIAL): neighbours never merge. Seen on the live kernel.
r0 = mmap(NULL, 0x400000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|MAP_NORESERVE, -1, 0) = 0x7ffff7a00000
munmap(r0+0x1000, 0x1000) = -EINVAL
munmap(r0, 0x1000) = -EINVAL
munmap(r0+0x201000, 0x200000) = -EINVAL
munmap(r0-0x1000, 0x2000) = -EINVAL
mprotect(r0+0x1000, 0x1000, PROT_READ) = -EINVAL
mprotect(r0, 0x3ff000, PROT_NONE) = -EINVAL
mprotect(r0, 0x200000, PROT_READ) = 0
mprotect(r0, 0x400000, PROT_READ|PROT_EXEC) = 0
mprotect(r0, 0x401000, PROT_READ|PROT_WRITE) = -ENOMEM
mseal(r0, 0x1000, 0) = -EINVAL
mmap(r0+0x1000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -EINVAL
r1 = mmap(NULL, 0x400000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|MAP_NORESERVE, -1, 0) = 0x7ffff7600000
mmap(r1+0x200000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -EINVAL
mmap(r1, 0x200000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|MAP_NORESERVE|MAP_FIXED, -1, 0) = 0x7ffff7600000
mseal(r1+0x200000, 0x200000, 0) = 0
munmap(r1+0x200000, 0x1000) = -EPERM
munmap(r0+0x200000, 0x200000) = 0
munmap(r0, 0x201000) = 0
r2 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|MAP_NORESERVE, -1, 0) = 0x7ffff7c00000
munmap(r2+0x1000, 0x1000) = -EINVAL
munmap(r2, 0x200000) = 0
#! p0 vmas r1..r1+0x200000 r-- noreserve hugetlb | r1+0x200000..r1+0x400000 rw- noreserve sealed hugetlb
