# mmdiff 1
# SEMANTICS §11, §5.2: the trampfd VMA is a VM_DONTEXPAND (VM_SPECIAL) private file mapping: mm/madvise.c —
# FREE, WIPEONFORK, GUARD_INSTALL/REMOVE, DODUMP → EINVAL, REMOVE → EACCES (not VM_SHARED), POPULATE_WRITE → EINVAL
# (no VM_WRITE: check_vma_flags); DONTFORK/DOFORK/DONTDUMP/MERGEABLE → 0; POPULATE_READ maps the page (P US A),
# COLD keeps it; DONTNEED zaps it, also once sealed (mseal blocks discards of anonymous memory only).
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
r1 = trampfd_create(r0) = 3
trampfd_write_code(r1, 3, 7, r0+0x1000) = 0
trampfd_write_data(r1, 8, r0+0x1800) = 0
r2 = mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000)
madvise(r2, 0x1000, MADV_FREE) = -EINVAL
madvise(r2, 0x1000, MADV_WIPEONFORK) = -EINVAL
madvise(r2, 0x1000, MADV_REMOVE) = -EACCES
madvise(r2, 0x1000, MADV_GUARD_INSTALL) = -EINVAL
madvise(r2, 0x1000, MADV_GUARD_REMOVE) = -EINVAL
madvise(r2, 0x1000, MADV_DODUMP) = -EINVAL
madvise(r2, 0x1000, MADV_DONTFORK) = 0
madvise(r2, 0x1000, MADV_DOFORK) = 0
madvise(r2, 0x1000, MADV_DONTDUMP) = 0
madvise(r2, 0x1000, MADV_MERGEABLE) = 0
madvise(r2, 0x1000, MADV_POPULATE_WRITE) = -EINVAL
madvise(r2, 0x1000, MADV_POPULATE_READ) = 0
#! p0 pte r2 P US A page
madvise(r2, 0x1000, MADV_COLD) = 0
#! p0 pte r2 P US A page
madvise(r2, 0x1000, MADV_DONTNEED) = 0
#! p0 pte r2 none
#! p0 vmas r0..r0+0x2000 rw- account | r2..r2+0x1000 r-x dontdump trampfd
mseal(r2, 0x1000, 0) = 0
madvise(r2, 0x1000, MADV_DONTNEED) = 0
exec(r2) = jump 0x0 0x0
