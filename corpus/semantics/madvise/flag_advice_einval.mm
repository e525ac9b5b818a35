# mmdiff 1
# SEMANTICS §5.2 flag advice filters: mm/madvise.c: madvise_vma_behavior — WIPEONFORK on a MAP_SHARED
# (shmem) VMA → EINVAL; KEEPONFORK and DODUMP on a VM_DROPPABLE VMA → EINVAL (droppable memory stays
# wipe-on-fork and undumpable).
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
madvise(r0, 0x1000, MADV_WIPEONFORK) = -EINVAL
madvise(r0, 0x1000, MADV_KEEPONFORK) = 0
r1 = mmap(0x20000000, 0x1000, PROT_READ|PROT_WRITE, MAP_DROPPABLE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
madvise(r1, 0x1000, MADV_KEEPONFORK) = -EINVAL
madvise(r1, 0x1000, MADV_DODUMP) = -EINVAL
madvise(r1, 0x1000, MADV_WIPEONFORK) = 0
madvise(r1, 0x1000, MADV_DONTDUMP) = 0
#! p0 vmas r0..r0+0x1000 rw- shared | r1..r1+0x1000 rw- wipeonfork dontdump noreserve droppable
