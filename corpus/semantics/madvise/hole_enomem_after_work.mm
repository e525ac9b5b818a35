# mmdiff 1
# SEMANTICS §5.1 step 6, key finding 5: mm/madvise.c: madvise_walk_vmas — holes are skipped and remembered:
# the advice is applied to every VMA in the range (also after the hole, also when the range starts in a
# hole) and ENOMEM is returned at the end.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
r1 = mmap(0x10002000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10002000
write(r0, 0x1) = 0
write(r1, 0x2) = 0
madvise(r0, 0x3000, MADV_DONTNEED) = -ENOMEM
read(r0) = 0
read(r1) = 0
madvise(r0, 0x3000, MADV_DONTFORK) = -ENOMEM
#! p0 vmas r0..r0+0x1000 rw- dontfork account | r1..r1+0x1000 rw- dontfork account
madvise(r0-0x1000, 0x4000, MADV_RANDOM) = -ENOMEM
#! p0 vmas r0..r0+0x1000 rw- dontfork account rand_read | r1..r1+0x1000 rw- dontfork account rand_read
madvise(r1, 0x2000, MADV_DOFORK) = -ENOMEM
#! p0 vmas r0..r0+0x1000 rw- dontfork account rand_read | r1..r1+0x1000 rw- account rand_read
