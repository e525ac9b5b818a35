# mmdiff 1
# SEMANTICS §4.1 ("Seals are inherited by fork"), §8: kernel/fork.c / mm/mmap.c: vm_area_dup copies
# VM_SEALED — the child's VMA is sealed and munmap/mprotect/mremap/discard-madvise there fail the same way.
r0 = mmap(0x10000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
mseal(r0, 0x1000, 0) = 0
r1 = fork() = 1
#! p1 vmas r0..r0+0x1000 r-- sealed
p1: munmap(r0, 0x1000) = -EPERM
p1: mprotect(r0, 0x1000, PROT_READ|PROT_WRITE) = -EPERM
p1: mremap(r0, 0x1000, 0x2000, MREMAP_MAYMOVE, NULL) = -EPERM
p1: madvise(r0, 0x1000, MADV_DONTNEED) = -EPERM
p1: mseal(r0, 0x1000, 0) = 0
