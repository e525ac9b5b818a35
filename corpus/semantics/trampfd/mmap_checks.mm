# mmdiff 1
# SEMANTICS §11 "mmap" + docs/conventions.md (mmap order): an unaligned offset → EINVAL before the fd; not an open
# trampfd (stdio included) → EBADF; MAP_HUGETLB on a non-hugetlbfs file → EINVAL (ksys_mmap_pgoff); len 0 →
# EINVAL; PAGE_ALIGN(len) == 0 → ENOMEM; len > TASK_SIZE → ENOMEM (__get_unmapped_area) before
# trampfd_get_unmapped_area: offset other than 4096, flags other than exactly MAP_PRIVATE (MAP_SHARED, MAP_FIXED,
# MAP_POPULATE, a bit above 31), more than one page → EINVAL; then trampfd_mmap: a descriptor missing → EINVAL,
# prot not exactly R-X (W, no R, no X) → EINVAL; prot == PROT_EXEC exactly allocated the execute-only key in
# do_mmap first (pkeys 0x3). Success: a one-page r-x trampfd VMA at the (free) hint. The trampfd is then mapped:
# another mmap → EEXIST; from a fork child holding the fd → EINVAL (not the creator). trampfd->mapped is the
# file's flag, cleared by trampfd_close of the creator's VMA (RFC v2 patch 1/4, trampfd_map.c): the creator maps
# it again although the child's copy still exists (len 1: one page); then EEXIST again (mapped_state.mm: more).
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
r1 = trampfd_create(r0) = 3
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, 99, 0x1001) = -EINVAL
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, 99, 0x1000) = -EBADF
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, 1, 0x1000) = -EBADF
mmap(NULL, -1, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_HUGETLB, r1, 0x1000) = -EINVAL
mmap(NULL, 0, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EINVAL
mmap(NULL, -1, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -ENOMEM
mmap(NULL, 0x800000000000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0) = -ENOMEM
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0) = -EINVAL
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x2000) = -EINVAL
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_SHARED, r1, 0x1000) = -EINVAL
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_POPULATE, r1, 0x1000) = -EINVAL
mmap(0x20000000, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED, r1, 0x1000) = -EINVAL
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE|0x100000000, r1, 0x1000) = -EINVAL
mmap(NULL, 0x2000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EINVAL
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EINVAL
trampfd_write_code(r1, 1, 7, r0+0x100) = 0
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EINVAL
trampfd_write_data(r1, 8, r0+0x200) = 0
mmap(NULL, 0x1000, PROT_READ|PROT_WRITE|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EINVAL
mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE, r1, 0x1000) = -EINVAL
#! p0 pkeys 0x1
mmap(NULL, 0x1000, PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EINVAL
#! p0 pkeys 0x3
#! p0 vmas r0..r0+0x1000 rw- account
r2 = mmap(0x30000000, 0x1000, PROT_READ|PROT_EXEC|PROT_SEM, MAP_PRIVATE, r1, 0x1000) = 0x30000000
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EEXIST
#! p0 vmas r0..r0+0x1000 rw- account | r2..r2+0x1000 r-x trampfd
r3 = fork() = 1
p1: mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EINVAL
#! p1 vmas r0..r0+0x1000 rw- account | r2..r2+0x1000 r-x trampfd
munmap(r2, 0x1000) = 0
r4 = mmap(NULL, 1, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = 0x7ffff7ffe000
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EEXIST
#! p0 vmas r0..r0+0x1000 rw- account | r4..r4+0x1000 r-x trampfd
#! p1 vmas r0..r0+0x1000 rw- account | r2..r2+0x1000 r-x trampfd
