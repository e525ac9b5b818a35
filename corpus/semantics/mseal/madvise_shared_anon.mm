# mmdiff 1
# SEMANTICS §4.3 matrix, column "RO MAP_SHARED anon": mm/madvise.c: can_madvise_modify — a MAP_SHARED
# anonymous VMA is shmem (vm_ops set, !vma_is_anonymous), so the seal does not block discard advice; each
# advice then applies its own rules: FREE and WIPEONFORK are EINVAL on shared memory, REMOVE works
# (VM_SHARED|VM_MAYWRITE shmem), POPULATE_WRITE on read-only is EINVAL.
r0 = mmap(0x10000000, 0x2000, PROT_READ, MAP_SHARED|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
mseal(r0, 0x2000, 0) = 0
madvise(r0, 0x2000, MADV_DONTNEED) = 0
madvise(r0, 0x2000, MADV_FREE) = -EINVAL
madvise(r0, 0x2000, MADV_REMOVE) = 0
madvise(r0, 0x2000, MADV_DONTFORK) = 0
madvise(r0, 0x2000, MADV_WIPEONFORK) = -EINVAL
madvise(r0, 0x2000, MADV_DONTNEED_LOCKED) = 0
madvise(r0, 0x2000, MADV_POPULATE_WRITE) = -EINVAL
madvise(r0, 0x2000, MADV_GUARD_INSTALL) = 0
