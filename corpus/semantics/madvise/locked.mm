# mmdiff 1
# SEMANTICS §5.2: mm/madvise.c: madvise_dontneed_free_valid_vma, can_madv_lru_vma, is_valid_guard_vma — on
# a VM_LOCKED VMA DONTNEED, FREE, COLD, PAGEOUT and GUARD_INSTALL are EINVAL; DONTNEED_LOCKED zaps;
# GUARD_REMOVE is allowed.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_LOCKED, -1, 0) = 0x10000000
write(r0, 0x9) = 0
madvise(r0, 0x1000, MADV_DONTNEED) = -EINVAL
madvise(r0, 0x1000, MADV_FREE) = -EINVAL
madvise(r0, 0x1000, MADV_COLD) = -EINVAL
madvise(r0, 0x1000, MADV_PAGEOUT) = -EINVAL
madvise(r0, 0x1000, MADV_GUARD_INSTALL) = -EINVAL
madvise(r0, 0x1000, MADV_GUARD_REMOVE) = 0
read(r0) = 0x9
madvise(r0, 0x1000, MADV_DONTNEED_LOCKED) = 0
#! p0 pte r0 none
read(r0) = 0
#! p0 vmas r0..r0+0x1000 rw- locked account
