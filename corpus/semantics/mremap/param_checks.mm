# mmdiff 1
# SEMANTICS §6.1 steps 0-5: mm/mremap.c: check_mremap_params — unknown flags (8 = MREMAP_RELOCATE_ANON is
# not in 6.18) → EINVAL; unaligned addr → EINVAL; new_len 0 (also one that PAGE_ALIGNs to 0) → EINVAL;
# new_len > TASK_SIZE → EINVAL; with FIXED or DONTUNMAP: new_addr > TASK_SIZE - new_len, unaligned
# new_addr, missing MAYMOVE, DONTUNMAP with old_len != new_len, overlapping ranges → EINVAL. Without
# FIXED/DONTUNMAP new_addr is ignored; with DONTUNMAP alone it is only a hint but still
# range- and overlap-checked. All before the VMA lookup (addr 0x20000000 is unmapped).
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
mremap(0x20000000, 0x1000, 0x1000, 0x8, NULL) = -EINVAL
mremap(0x20000800, 0x1000, 0x1000, 0, NULL) = -EINVAL
mremap(0x20000000, 0x1000, 0, 0, NULL) = -EINVAL
mremap(0x20000000, 0x1000, -1, MREMAP_MAYMOVE, NULL) = -EINVAL
mremap(0x20000000, 0x1000, 0x800000000000, MREMAP_MAYMOVE, NULL) = -EINVAL
mremap(0x20000000, 0x1000, 0x1000, MREMAP_MAYMOVE|MREMAP_FIXED, 0x7ffffffff000) = -EINVAL
mremap(0x20000000, 0x1000, 0x1000, MREMAP_MAYMOVE|MREMAP_FIXED, 0x30000800) = -EINVAL
mremap(0x20000000, 0x1000, 0x1000, MREMAP_FIXED, 0x30000000) = -EINVAL
mremap(0x20000000, 0x1000, 0x1000, MREMAP_DONTUNMAP, 0x30000000) = -EINVAL
mremap(0x20000000, 0x1000, 0x2000, MREMAP_MAYMOVE|MREMAP_DONTUNMAP, 0x30000000) = -EINVAL
mremap(0x20000000, 0x2000, 0x2000, MREMAP_MAYMOVE|MREMAP_FIXED, 0x20001000) = -EINVAL
mremap(r0, 0x1000, 0x1000, MREMAP_MAYMOVE|MREMAP_DONTUNMAP, r0) = -EINVAL
mremap(0x20000000, 0x1000, 0x1000, 0, 0x30000800) = -EFAULT
mremap(r0, 0x2000, 0x2000, MREMAP_MAYMOVE, 0x12345) = 0x10000000
#! p0 vmas r0..r0+0x2000 rw- account
