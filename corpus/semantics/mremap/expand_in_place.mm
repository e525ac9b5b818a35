# mmdiff 1
# SEMANTICS §6.2 expand: mm/mremap.c: vrm_can_expand_in_place, expand_vma_in_place (vma_merge_extend) —
# when [vma_end, vma_end+delta) is free and addr+old_len is the VMA end the VMA grows in place (returns
# addr) and merges with an equal next VMA that becomes adjacent; if the space is taken and there is no
# MAYMOVE → ENOMEM; an old range not ending at the VMA end cannot grow in place either.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
r1 = mmap(0x10002000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10002000
write(r0, 0x7) = 0
mremap(r0, 0x1000, 0x2000, 0, NULL) = 0x10000000
#! p0 vmas r0..r0+0x3000 rw- account
read(r0) = 0x7
read(r0+0x1000) = 0
mremap(r0, 0x3000, 0x4000, 0, NULL) = 0x10000000
r2 = mmap(0x10005000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10005000
mremap(r0, 0x4000, 0x6000, 0, NULL) = -ENOMEM
mremap(r0, 0x1000, 0x2000, 0, NULL) = -ENOMEM
#! p0 vmas r0..r0+0x4000 rw- account | r2..r2+0x1000 r--
