# mmdiff 1
# A shared MAP_HUGETLB|MAP_NORESERVE mapping (MAP_SHARED or MAP_SHARED_VALIDATE) with an empty pool: VM_SHARED
# |VM_HUGETLB|VM_NORESERVE, no VM_ACCOUNT; every fault SIGBUS BUS_ADRERR, GUP EFAULT (EINVAL from
# check_vma_flags: POPULATE_WRITE of a read-only shared VMA), /proc/self/mem EIO; MADV_REMOVE is 0 on any
# range (madvise_remove -> hugetlbfs_punch_hole); DONTNEED needs an aligned start; splits only at 2 MiB.
# Seen on the live kernel.
r0 = mmap(NULL, 0x400000, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS|MAP_HUGETLB|MAP_NORESERVE, -1, 0) = 0x7ffff7a00000
read(r0) = fault SIGBUS BUS_ADRERR
write(r0+0x1000, 1) = fault SIGBUS BUS_ADRERR
mem_write(r0, 1) = -EIO
madvise(r0, 0x200000, MADV_POPULATE_WRITE) = -EFAULT
madvise(r0, 0x400000, MADV_REMOVE) = 0
madvise(r0+0x1000, 0x1000, MADV_REMOVE) = 0
madvise(r0+0x1000, 0x1000, MADV_DONTNEED) = -EINVAL
madvise(r0, 0x1000, MADV_DONTNEED) = 0
madvise(r0, 0x400000, MADV_WIPEONFORK) = -EINVAL
madvise(r0, 0x400000, MADV_FREE) = -EINVAL
madvise(r0, 0x400000, MADV_COLD) = -EINVAL
madvise(r0, 0x400000, MADV_MERGEABLE) = 0
madvise(r0, 0x200000, MADV_DONTFORK) = 0
mprotect(r0+0x200000, 0x200000, PROT_READ) = 0
mprotect(r0+0x201000, 0x1000, PROT_NONE) = -EINVAL
mem_write(r0+0x200000, 1) = -EIO
madvise(r0+0x200000, 0x200000, MADV_POPULATE_WRITE) = -EINVAL
madvise(r0+0x200000, 0x200000, MADV_POPULATE_READ) = -EFAULT
r1 = mmap(NULL, 0x1000, PROT_READ, MAP_SHARED|MAP_ANONYMOUS|MAP_HUGETLB|MAP_NORESERVE|MAP_POPULATE|MAP_LOCKED, -1, 0x200000) = 0x7ffff7800000
madvise(r1, 0x1000, MADV_REMOVE) = 0
r2 = mmap(NULL, 0x200000, PROT_READ, MAP_SHARED_VALIDATE|MAP_ANONYMOUS|MAP_HUGETLB|MAP_NORESERVE, -1, 0) = 0x7ffff7600000
r3 = fork() = 1
p1: read(r0+0x200000) = fault SIGBUS BUS_ADRERR
p1: write(r1, 1) = fault SIGSEGV SEGV_ACCERR
#! p0 vmas r2..r2+0x200000 r-- shared noreserve hugetlb | r1..r1+0x200000 r-- shared noreserve hugetlb | r0..r0+0x200000 rw- shared dontfork noreserve hugetlb | r0+0x200000..r0+0x400000 r-- shared noreserve hugetlb
#! p1 vmas r2..r2+0x200000 r-- shared noreserve hugetlb | r1..r1+0x200000 r-- shared noreserve hugetlb | r0+0x200000..r0+0x400000 r-- shared noreserve hugetlb
