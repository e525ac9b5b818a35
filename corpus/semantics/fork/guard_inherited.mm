# mmdiff 1
# SEMANTICS §8 ("Guard markers are copied to the child (except into WIPEONFORK VMAs)"), §5.2: mm/memory.c:
# copy_nonpresent_pte / copy_pte_marker — a guard marker is copied, so the child faults SEGV_MAPERR there
# too; a WIPEONFORK VMA gets no page tables, so the child reads zero where the parent has a guard.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
madvise(r0, 0x1000, MADV_GUARD_INSTALL) = 0
r1 = mmap(0x20000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
madvise(r1, 0x1000, MADV_WIPEONFORK) = 0
madvise(r1, 0x1000, MADV_GUARD_INSTALL) = 0
r2 = fork() = 1
#! p1 pte r0 guard
p1: read(r0) = fault SIGSEGV SEGV_MAPERR
p1: read(r0+0x1000) = 0
#! p1 pte r1 none
p1: read(r1) = 0
read(r1) = fault SIGSEGV SEGV_MAPERR
