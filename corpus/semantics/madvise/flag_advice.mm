# mmdiff 1
# SEMANTICS §5.2 flag advice: mm/madvise.c: madvise_vma_behavior → madvise_update_vma (vma_modify_flags)
# — RANDOM/SEQUENTIAL (exclusive of each other), NORMAL clears both, DONTFORK/DOFORK, WIPEONFORK/KEEPONFORK,
# DONTDUMP/DODUMP, HUGEPAGE/NOHUGEPAGE (exclusive), MERGEABLE/UNMERGEABLE set and clear their VMA flags,
# splitting a VMA for a sub-range and merging it back when the flags are equal again.
r0 = mmap(0x10000000, 0x3000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
madvise(r0+0x1000, 0x1000, MADV_RANDOM) = 0
#! p0 vmas r0..r0+0x1000 rw- account | r0+0x1000..r0+0x2000 rw- account rand_read | r0+0x2000..r0+0x3000 rw- account
madvise(r0+0x1000, 0x1000, MADV_SEQUENTIAL) = 0
#! p0 vmas r0..r0+0x1000 rw- account | r0+0x1000..r0+0x2000 rw- account seq_read | r0+0x2000..r0+0x3000 rw- account
madvise(r0+0x1000, 0x1000, MADV_NORMAL) = 0
#! p0 vmas r0..r0+0x3000 rw- account
madvise(r0, 0x3000, MADV_DONTFORK) = 0
madvise(r0, 0x3000, MADV_WIPEONFORK) = 0
madvise(r0, 0x3000, MADV_DONTDUMP) = 0
madvise(r0, 0x3000, MADV_HUGEPAGE) = 0
madvise(r0, 0x3000, MADV_MERGEABLE) = 0
#! p0 vmas r0..r0+0x3000 rw- dontfork wipeonfork dontdump account hugepage mergeable
madvise(r0, 0x3000, MADV_NOHUGEPAGE) = 0
#! p0 vmas r0..r0+0x3000 rw- dontfork wipeonfork dontdump account nohugepage mergeable
madvise(r0, 0x3000, MADV_DOFORK) = 0
madvise(r0, 0x3000, MADV_KEEPONFORK) = 0
madvise(r0, 0x3000, MADV_DODUMP) = 0
madvise(r0, 0x3000, MADV_UNMERGEABLE) = 0
#! p0 vmas r0..r0+0x3000 rw- account nohugepage
