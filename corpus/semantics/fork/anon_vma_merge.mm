# mmdiff 1
# SEMANTICS §1.5 (anon_vma compatibility), §8, key finding 8: mm/vma.c: is_mergeable_anon_vma — a child's
# VMA inherited from a faulted parent VMA has a non-singular anon_vma chain, so a new adjacent mapping in
# the child does not merge with it, while the same mapping in the parent does. A never-faulted inherited
# VMA has no anon_vma and still merges in the child.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x1) = 0
r1 = mmap(0x20000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
r2 = fork() = 1
p1: mmap(0x10001000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10001000
p1: mmap(0x20001000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20001000
mmap(0x10001000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10001000
#! p1 vmas r0..r0+0x1000 rw- account | r0+0x1000..r0+0x2000 rw- account | r1..r1+0x2000 rw- account
#! p0 vmas r0..r0+0x2000 rw- account | r1..r1+0x1000 rw- account
