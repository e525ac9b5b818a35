# mmdiff 1
# SEMANTICS §4.2 "Not blocked" and §4.3 matrix last row: mm/madvise.c: is_discard — advice that is not
# discard is allowed on a sealed read-only anonymous VMA and changes its flags as usual (the sealed VMA is
# split and re-merged like any other).
r0 = mmap(0x10000000, 0x3000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
mseal(r0, 0x3000, 0) = 0
madvise(r0+0x1000, 0x1000, MADV_RANDOM) = 0
#! p0 vmas r0..r0+0x1000 r-- sealed | r0+0x1000..r0+0x2000 r-- sealed rand_read | r0+0x2000..r0+0x3000 r-- sealed
madvise(r0+0x1000, 0x1000, MADV_NORMAL) = 0
#! p0 vmas r0..r0+0x3000 r-- sealed
madvise(r0, 0x3000, MADV_SEQUENTIAL) = 0
madvise(r0, 0x3000, MADV_WILLNEED) = 0
madvise(r0, 0x3000, MADV_COLD) = 0
madvise(r0, 0x3000, MADV_PAGEOUT) = 0
madvise(r0, 0x3000, MADV_POPULATE_READ) = 0
madvise(r0, 0x3000, MADV_DONTDUMP) = 0
madvise(r0, 0x3000, MADV_HUGEPAGE) = 0
madvise(r0, 0x3000, MADV_DOFORK) = 0
madvise(r0, 0x3000, MADV_KEEPONFORK) = 0
madvise(r0, 0x3000, MADV_GUARD_REMOVE) = 0
#! p0 vmas r0..r0+0x3000 r-- sealed seq_read dontdump hugepage
#! p0 pte r0 P US A NX Z
