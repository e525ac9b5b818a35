# mmdiff 1
# SEMANTICS §8 ("VM_LOCKED/VM_LOCKONFAULT are cleared in the child"): mm/mmap.c: dup_mmap — an mlocked
# (MAP_LOCKED) VMA is copied without VM_LOCKED; its populated pages are shared copy-on-write as usual.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_LOCKED, -1, 0) = 0x10000000
write(r0, 0x4) = 0
r1 = fork() = 1
#! p0 vmas r0..r0+0x1000 rw- locked account
#! p1 vmas r0..r0+0x1000 rw- account
p1: read(r0) = 0x4
p1: madvise(r0, 0x1000, MADV_DONTNEED) = 0
madvise(r0, 0x1000, MADV_DONTNEED) = -EINVAL
