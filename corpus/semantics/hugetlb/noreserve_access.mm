# mmdiff 1
# A private MAP_HUGETLB|MAP_NORESERVE mapping with an empty pool (hugePages=0): it maps (VM_HUGETLB|VM_NORESERVE,
# no VM_ACCOUNT; the length rounded up to 2 MiB, the start 2 MiB-aligned), and every fault fails:
# mm/hugetlb.c: hugetlb_fault -> hugetlb_no_page cannot allocate a folio, VM_FAULT_SIGBUS — a CPU read,
# write or exec is SIGBUS BUS_ADRERR (after access_error: SIGSEGV SEGV_ACCERR first), GUP is -EFAULT:
# MADV_POPULATE_* EFAULT (EINVAL from check_vma_flags first), /proc/self/mem EIO (mem_rw: nothing copied);
# MAP_POPULATE and MAP_LOCKED map anyway (__mm_populate ignores errors; __mmap_complete clears VM_LOCKED
# on hugetlb); MAP_STACK gives VM_NOHUGEPAGE; fork copies the VMA. Seen on the live kernel.
r0 = mmap(NULL, 0x400000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|MAP_NORESERVE, -1, 0) = 0x7ffff7a00000
read(r0) = fault SIGBUS BUS_ADRERR
write(r0+0x1000, 1) = fault SIGBUS BUS_ADRERR
exec(r0+0x200000) = fault SIGBUS BUS_ADRERR
mem_write(r0, 1) = -EIO
madvise(r0, 0x200000, MADV_POPULATE_READ) = -EFAULT
madvise(r0, 0x1000, MADV_POPULATE_WRITE) = -EFAULT
r1 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|MAP_NORESERVE|MAP_POPULATE, -1, 0) = 0x7ffff7800000
r2 = mmap(NULL, 0x200000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|MAP_NORESERVE|MAP_LOCKED|MAP_STACK, -1, 0) = 0x7ffff7600000
read(r1) = fault SIGBUS BUS_ADRERR
write(r1, 1) = fault SIGSEGV SEGV_ACCERR
read(r2) = fault SIGSEGV SEGV_ACCERR
mem_write(r2, 1) = -EIO
madvise(r2, 0x200000, MADV_POPULATE_READ) = -EINVAL
madvise(r1, 0x200000, MADV_POPULATE_WRITE) = -EINVAL
r3 = fork() = 1
p1: read(r0) = fault SIGBUS BUS_ADRERR
p1: exit(0) = 0
#! p0 vmas r2..r2+0x200000 --- noreserve nohugepage hugetlb | r1..r1+0x200000 r-- noreserve hugetlb | r0..r0+0x400000 rw- noreserve hugetlb
