# mmdiff 1
# SEMANTICS §11 "mmap" + docs/conventions.md (mmap order): mm/mmap.c: do_mmap — unaligned offset → EINVAL; not an
# open fd → EBADF; MAP_HUGETLB with a file → EINVAL; len 0 → EINVAL, too long → ENOMEM; then
# trampfd_get_unmapped_area (offset must be 4096, not MAP_SHARED / MAP_FIXED, no unknown flag, len one page →
# else EINVAL) and trampfd_mmap (prot must be R-X, else EINVAL — after an execute-only pkey was allocated);
# a hint is honoured; mapped twice → EEXIST. The VMA is r-x, no PTE until touched.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
r1 = trampfd_create(r0) = 3
trampfd_write_code(r1, 3, 7, r0+0x1000) = 0
trampfd_write_data(r1, 8, r0+0x1800) = 0
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, 9, 0x1001) = -EINVAL
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, 9, 0x1000) = -EBADF
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, 0, 0x1000) = -EBADF
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_HUGETLB, r1, 0x1000) = -EINVAL
mmap(NULL, 0, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EINVAL
mmap(NULL, -0x1, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -ENOMEM
mmap(NULL, 0x800000000000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -ENOMEM
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0) = -EINVAL
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_SHARED, r1, 0x1000) = -EINVAL
mmap(0x30000000, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED, r1, 0x1000) = -EINVAL
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE|0x100000000, r1, 0x1000) = -EINVAL
mmap(NULL, 0x2000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EINVAL
mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE, r1, 0x1000) = -EINVAL
mmap(NULL, 0x1000, PROT_READ|PROT_WRITE|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EINVAL
#! p0 pkeys 0x1
mmap(NULL, 0x1000, PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EINVAL
#! p0 pkeys 0x3
r2 = mmap(0x30000000, 0x800, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = 0x30000000
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EEXIST
#! p0 vmas r0..r0+0x2000 rw- account | r2..r2+0x1000 r-x trampfd
#! p0 pte r2 none
