# mmdiff 1
# SEMANTICS §11 "mmap", as the RFC v2 code does it (fs/trampfd/trampfd_map.c: trampfd_mmap): both descriptors
# must be set (else EINVAL) and the mapping process must be the creator (a fork child sharing the fd: EINVAL).
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
r1 = trampfd_create(r0)
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EINVAL
trampfd_write_code(r1, 1, 7, r0)
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EINVAL
r2 = fork()
p1: trampfd_write_data(r1, 7, r0) = 0
p1: mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EINVAL
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = 0x7ffff7ffe000
