# mmdiff 1
# SEMANTICS §4.3 matrix, column "PROT_NONE anon" (sealed): discard advice → EPERM (no VM_WRITE); the
# non-discard advice is allowed (COLD, NORMAL, DOFORK, GUARD_REMOVE...), except POPULATE_READ/WRITE which
# fail their own permission check (EINVAL).
r0 = mmap(0x10000000, 0x2000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
mseal(r0, 0x2000, 0) = 0
madvise(r0, 0x2000, MADV_DONTNEED) = -EPERM
madvise(r0, 0x2000, MADV_FREE) = -EPERM
madvise(r0, 0x2000, MADV_REMOVE) = -EPERM
madvise(r0, 0x2000, MADV_DONTFORK) = -EPERM
madvise(r0, 0x2000, MADV_WIPEONFORK) = -EPERM
madvise(r0, 0x2000, MADV_DONTNEED_LOCKED) = -EPERM
madvise(r0, 0x2000, MADV_GUARD_INSTALL) = -EPERM
madvise(r0, 0x2000, MADV_POPULATE_READ) = -EINVAL
madvise(r0, 0x2000, MADV_POPULATE_WRITE) = -EINVAL
madvise(r0, 0x2000, MADV_COLD) = 0
madvise(r0, 0x2000, MADV_NORMAL) = 0
madvise(r0, 0x2000, MADV_DOFORK) = 0
madvise(r0, 0x2000, MADV_GUARD_REMOVE) = 0
#! p0 vmas r0..r0+0x2000 --- sealed
