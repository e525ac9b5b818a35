# mmdiff 1
# SEMANTICS §8 ("MAP_SHARED anon/file: pages shared, writes visible to both"): mm/shmem.c — a MAP_SHARED
# anonymous mapping stays shared after fork: writes by either process are seen by the other; private
# mappings are not.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
r1 = mmap(0x20000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
write(r0, 0x1) = 0
r2 = fork() = 1
p1: read(r0) = 0x1
p1: write(r0, 0x2) = 0
read(r0) = 0x2
write(r0, 0x3) = 0
p1: read(r0) = 0x3
p1: write(r1, 0x5) = 0
read(r1) = 0
#! p1 vmas r0..r0+0x1000 rw- shared | r1..r1+0x1000 rw- account
