# mmdiff 1
# SEMANTICS §8 (VM_DONTCOPY skipped), §5.2 DONTFORK: mm/mmap.c: dup_mmap — a MADV_DONTFORK VMA is not
# copied: the child has a hole there (SEGV_MAPERR) while the parent keeps it; other VMAs are copied.
r0 = mmap(0x10000000, 0x3000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x1) = 0
write(r0+0x1000, 0x2) = 0
madvise(r0+0x1000, 0x1000, MADV_DONTFORK) = 0
r1 = fork() = 1
#! p1 vmas r0..r0+0x1000 rw- account | r0+0x2000..r0+0x3000 rw- account
#! p1 pte r0+0x1000 none
p1: read(r0+0x1000) = fault SIGSEGV SEGV_MAPERR
p1: read(r0) = 0x1
read(r0+0x1000) = 0x2
#! p0 vmas r0..r0+0x1000 rw- account | r0+0x1000..r0+0x2000 rw- dontfork account | r0+0x2000..r0+0x3000 rw- account
