# mmdiff 1
# SEMANTICS §4.3 matrix, column "RO anon" (sealed) and "RO anon unsealed": mm/madvise.c: is_discard,
# can_madvise_modify — on a sealed read-only private anonymous VMA every discard advice (DONTNEED, FREE,
# REMOVE, DONTFORK, WIPEONFORK, DONTNEED_LOCKED, GUARD_INSTALL) is EPERM, checked before the advice's own
# validity (REMOVE: EPERM, not EINVAL); POPULATE_WRITE is EINVAL (not discard); the same advice on the
# unsealed twin follows the advice's own rules. Nothing changes on the sealed VMA.
r0 = mmap(0x10000000, 0x2000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
read(r0) = 0
mseal(r0, 0x2000, 0) = 0
madvise(r0, 0x2000, MADV_DONTNEED) = -EPERM
madvise(r0, 0x2000, MADV_FREE) = -EPERM
madvise(r0, 0x2000, MADV_REMOVE) = -EPERM
madvise(r0, 0x2000, MADV_DONTFORK) = -EPERM
madvise(r0, 0x2000, MADV_WIPEONFORK) = -EPERM
madvise(r0, 0x2000, MADV_DONTNEED_LOCKED) = -EPERM
madvise(r0, 0x2000, MADV_GUARD_INSTALL) = -EPERM
madvise(r0, 0x2000, MADV_POPULATE_WRITE) = -EINVAL
#! p0 vmas r0..r0+0x2000 r-- sealed
#! p0 pte r0 P US A NX Z
r1 = mmap(0x20000000, 0x2000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
madvise(r1, 0x2000, MADV_DONTNEED) = 0
madvise(r1, 0x2000, MADV_FREE) = 0
madvise(r1, 0x2000, MADV_REMOVE) = -EINVAL
madvise(r1, 0x2000, MADV_DONTFORK) = 0
madvise(r1, 0x2000, MADV_WIPEONFORK) = 0
madvise(r1, 0x2000, MADV_DONTNEED_LOCKED) = 0
madvise(r1, 0x2000, MADV_POPULATE_WRITE) = -EINVAL
madvise(r1, 0x2000, MADV_GUARD_INSTALL) = 0
