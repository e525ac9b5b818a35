# mmdiff 1
# SEMANTICS §1.5 merge rules: mm/vma.c: vma_merge_new_range, is_mergeable_vma — a new anonymous range
# merges with a neighbour that ends exactly at its start (or starts at its end) when the flags are equal;
# NOREPLACE filling the hole between two equal VMAs yields one VMA; a different prot, VM_ACCOUNT state,
# or MAP_SHARED neighbour does not merge.
r0 = mmap(0x10000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
r1 = mmap(0x10002000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10002000
#! p0 vmas r0..r0+0x1000 r-- | r1..r1+0x1000 r--
r2 = mmap(0x10001000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = 0x10001000
#! p0 vmas r0..r0+0x3000 r--
r3 = mmap(0x10003000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10003000
r4 = mmap(0x10004000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_NORESERVE, -1, 0) = 0x10004000
r5 = mmap(0x10005000, 0x1000, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10005000
r6 = mmap(0x10006000, 0x1000, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10006000
#! p0 vmas r0..r0+0x3000 r-- | r3..r3+0x1000 rw- account | r4..r4+0x1000 rw- noreserve | r5..r5+0x1000 rw- shared | r6..r6+0x1000 rw- shared
