# mmdiff 1
# SEMANTICS §5.1/§5.2 under two kernel settings the live kernel target has (found by the model,kernel
# campaign): CONFIG_MEMORY_FAILURE=n — mm/madvise.c: madvise_behavior_valid knows no MADV_HWPOISON /
# MADV_SOFT_OFFLINE, so they are EINVAL before anything else, even for len 0; and PR_SET_THP_DISABLE (the
# helper sets it: no target has huge pages) — mm/huge_memory.c: vma_thp_disabled, so MADV_COLLAPSE is EINVAL
# for every VMA; MADV_HUGEPAGE still sets the flag.
# machine thp=0 memoryFailure=0
madvise(NULL, 0, MADV_HWPOISON) = -EINVAL
madvise(NULL, 0x1000, MADV_SOFT_OFFLINE) = -EINVAL
r0 = mmap(NULL, 0x200000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7c00000
write(r0+0x100000, 0x1) = 0
madvise(r0, 0x1000, MADV_COLLAPSE) = -EINVAL
madvise(r0, 0x200000, MADV_HUGEPAGE) = 0
#! p0 vmas r0..r0+0x200000 rw- account hugepage
