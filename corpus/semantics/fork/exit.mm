# mmdiff 1
# docs/conventions.md (exit, ops of an exited process), SEMANTICS §8 (reuse when exclusive): exit tears
# down the child's address space, so the parent's write-protected page becomes exclusive again and its
# write reuses the frame; an op of the exited process is -ESRCH.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x1) = 0
r1 = fork() = 1
p1: exit(0) = 0
p1: read(r0) = -ESRCH
#! p1 alive 0
#! p0 pte r0 P US A SavedDirty NX f0
write(r0, 0x2) = 0
#! p0 pte r0 P RW US A D NX f0
read(r0) = 0x2
r2 = fork() = 2
p2: read(r0) = 0x2
