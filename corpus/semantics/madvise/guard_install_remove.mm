# mmdiff 1
# SEMANTICS §5.2 GUARD_INSTALL / GUARD_REMOVE, §9.2: mm/madvise.c: madvise_guard_install — existing pages
# in the range are zapped and PTE_MARKER_GUARD entries installed; the VMA is not split (it gets
# VM_MAYBE_GUARD); any access faults SEGV_MAPERR; GUARD_REMOVE clears only markers and the memory is
# zero-filled again.
r0 = mmap(0x10000000, 0x3000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x1) = 0
write(r0+0x1000, 0x2) = 0
write(r0+0x2000, 0x3) = 0
madvise(r0+0x1000, 0x1000, MADV_GUARD_INSTALL) = 0
#! p0 pte r0+0x1000 guard
#! p0 vmas r0..r0+0x3000 rw- account guard
read(r0+0x1000) = fault SIGSEGV SEGV_MAPERR
write(r0+0x1000, 0x5) = fault SIGSEGV SEGV_MAPERR
read(r0) = 0x1
read(r0+0x2000) = 0x3
madvise(r0+0x1000, 0x1000, MADV_GUARD_INSTALL) = 0
madvise(r0, 0x3000, MADV_GUARD_REMOVE) = 0
#! p0 pte r0+0x1000 none
read(r0+0x1000) = 0
read(r0) = 0x1
read(r0+0x2000) = 0x3
