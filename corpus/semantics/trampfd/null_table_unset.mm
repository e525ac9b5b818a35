# mmdiff 1
# SEMANTICS §11 "Code descriptor" / "Data descriptor", as the RFC v2 code does it: a table address of 0 leaves the
# descriptor unset (still writable once, checks still apply: EINVAL for a bad register), so mmap is EINVAL until
# both tables are set.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
r1 = trampfd_create(r0) = 3
trampfd_write_code(r1, 3, 7, 0) = 0
trampfd_write_code(r1, 3, 6, 0) = -EINVAL
trampfd_write_data(r1, 8, 0) = 0
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EINVAL
trampfd_write_code(r1, 3, 7, r0+0x1000) = 0
trampfd_write_code(r1, 3, 7, 0) = -EEXIST
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EINVAL
trampfd_write_data(r1, 8, r0+0x1800) = 0
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = 0x7ffff7ffe000
