# mmdiff 1
# SEMANTICS §11 "mappable once" (RFC v2 trampfd_map.c: trampfd_close clears the mapped flag): a second mmap is
# EEXIST while mapped; munmap of the VMA clears it, so does the exit of a fork child whose copy closes (vm_ops->close
# per VMA); close(fd) keeps existing VMAs runnable; the fd closed → EBADF; a dead process → ESRCH.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
r1 = trampfd_create(r0) = 3
trampfd_write_code(r1, 3, 7, r0+0x1000) = 0
trampfd_write_data(r1, 8, r0+0x1800) = 0
r2 = mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = 0x7ffff7ffe000
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EEXIST
r3 = fork()
munmap(r2, 0x1000) = 0
#! p0 vmas r0..r0+0x2000 rw- account
#! p1 vmas r0..r0+0x2000 rw- account | r2..r2+0x1000 r-x trampfd
r5 = mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = 0x7ffff7ffe000
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EEXIST
p1: exit(0)
r4 = mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = 0x7ffff7ffd000
close(r1) = 0
exec(r4) = jump 0x0 0x0
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EBADF
p1: close(r1) = -ESRCH
