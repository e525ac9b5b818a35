# mmdiff 1
# SEMANTICS §11 + docs/conventions.md (the trampfd VMA: VM_DONTEXPAND, a file VMA): dropping EXEC or READ and
# PROT_NONE are allowed (the PTE follows: NX, PROTNONE); adding PROT_WRITE too (mprotect_write.mm). mremap: growing → EFAULT, DONTUNMAP → EINVAL
# (check_prep_vma), a FIXED move → EINVAL from trampfd_get_unmapped_area, after the destination was unmapped
# (mremap_to), but a move-only range going past the trampfd VMA → EFAULT first (remap_move, vma_multi_allowed). madvise: REMOVE → EACCES, FREE and WIPEONFORK → EINVAL (not anonymous), GUARD_INSTALL/REMOVE and
# DODUMP → EINVAL (VM_SPECIAL; DONTDUMP and DOFORK — which refuses VM_IO only — work), MERGEABLE ignored, DONTNEED
# zaps the PTE and the next fault maps the same page again. It never merges with an equal neighbour. Writes →
# SEGV_ACCERR. mseal applies, then munmap and mprotect → EPERM.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
r1 = trampfd_create(r0) = 3
trampfd_write_code(r1, 1, 7, r0+0x100) = 0
trampfd_write_data(r1, 8, r0+0x200) = 0
r2 = mmap(0x20001000, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = 0x20001000
r3 = mmap(0x20000000, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
r4 = mmap(0x20002000, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20002000
#! p0 vmas r0..r0+0x1000 rw- account | r3..r3+0x1000 r-x | r2..r2+0x1000 r-x trampfd | r4..r4+0x1000 r-x
read(r2) = 0x100b848fa1e0ff3
#! p0 pte r2 P US A f1
write(r2, 0x1) = fault SIGSEGV SEGV_ACCERR
mprotect(r3, 0x1000, PROT_READ|PROT_WRITE) = 0
#! p0 vmas r0..r0+0x1000 rw- account | r3..r3+0x1000 rw- account | r2..r2+0x1000 r-x trampfd | r4..r4+0x1000 r-x
mprotect(r2, 0x1000, PROT_READ) = 0
#! p0 pte r2 P US A NX f1
exec(r2) = fault SIGSEGV SEGV_ACCERR
mprotect(r2, 0x1000, PROT_NONE) = 0
#! p0 pte r2 A PROTNONE f1
read(r2) = fault SIGSEGV SEGV_ACCERR
mprotect(r2, 0x1000, PROT_READ|PROT_EXEC) = 0
exec(r2) = jump 0 0
mremap(r2, 0x1000, 0x2000, MREMAP_MAYMOVE, NULL) = -EFAULT
mremap(r2, 0x1000, 0x1000, MREMAP_MAYMOVE|MREMAP_DONTUNMAP, 0x30000000) = -EINVAL
r5 = mmap(0x30000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x30000000
mremap(r2, 0x1000, 0x1000, MREMAP_MAYMOVE|MREMAP_FIXED, r5) = -EINVAL
#! p0 vmas r0..r0+0x1000 rw- account | r3..r3+0x1000 rw- account | r2..r2+0x1000 r-x trampfd | r4..r4+0x1000 r-x
madvise(r2, 0x1000, MADV_REMOVE) = -EACCES
madvise(r2, 0x1000, MADV_FREE) = -EINVAL
madvise(r2, 0x1000, MADV_WIPEONFORK) = -EINVAL
madvise(r2, 0x1000, MADV_GUARD_INSTALL) = -EINVAL
madvise(r2, 0x1000, MADV_GUARD_REMOVE) = -EINVAL
madvise(r2, 0x1000, MADV_MERGEABLE) = 0
madvise(r2, 0x1000, MADV_DONTDUMP) = 0
madvise(r2, 0x1000, MADV_DODUMP) = -EINVAL
madvise(r2, 0x1000, MADV_DONTFORK) = 0
madvise(r2, 0x1000, MADV_DOFORK) = 0
madvise(r2, 0x1000, MADV_DONTNEED) = 0
#! p0 pte r2 none
read(r2+0x18) = 0xff401b8b48000000
#! p0 pte r2 P US A f1
#! p0 vmas r0..r0+0x1000 rw- account | r3..r3+0x1000 rw- account | r2..r2+0x1000 r-x dontdump trampfd | r4..r4+0x1000 r-x
r6 = mmap(0x30000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x30000000
mremap(r2, 0x2000, 0x2000, MREMAP_MAYMOVE|MREMAP_FIXED, r6) = -EFAULT
mremap(r2, 0x1000, 0x1000, MREMAP_MAYMOVE|MREMAP_FIXED, r6) = -EINVAL
mseal(r2, 0x1000, 0) = 0
munmap(r2, 0x1000) = -EPERM
mprotect(r2, 0x1000, PROT_READ|PROT_WRITE) = -EPERM
#! p0 vmas r0..r0+0x1000 rw- account | r3..r3+0x1000 rw- account | r2..r2+0x1000 r-x dontdump sealed trampfd | r4..r4+0x1000 r-x
