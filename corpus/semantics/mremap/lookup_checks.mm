# mmdiff 1
# SEMANTICS §6.1 step 8: mm/mremap.c: check_prep_vma — no VMA at addr → EFAULT; for an expand or move:
# old_len 0 on a private mapping → EINVAL; old_len reaching past the VMA end → EFAULT. A pure shrink does
# not check that [addr, addr+old_len) is one VMA: it just unmaps [addr+new_len, addr+old_len).
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
r1 = mmap(0x10002000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10002000
mremap(0x20000000, 0x1000, 0x2000, MREMAP_MAYMOVE, NULL) = -EFAULT
mremap(r0+0x1000, 0x1000, 0x1000, 0, NULL) = -EFAULT
mremap(r0, 0, 0x1000, MREMAP_MAYMOVE, NULL) = -EINVAL
mremap(r0, 0x2000, 0x3000, MREMAP_MAYMOVE, NULL) = -EFAULT
mremap(r0, 0x2000, 0x2000, MREMAP_MAYMOVE|MREMAP_DONTUNMAP, 0x30000000) = -EFAULT
#! p0 vmas r0..r0+0x1000 rw- account | r1..r1+0x1000 r--
mremap(r0, 0x3000, 0x1000, 0, NULL) = 0x10000000
#! p0 vmas r0..r0+0x1000 rw- account
