# mmdiff 1
# SEMANTICS §11 "Code descriptor" / "Data descriptor" + docs/conventions.md: trampfd_write_code(fd, ntrampolines,
# reg, table) — fd not an open trampfd (never opened, stdio, -1) → EBADF; code already set → EEXIST, before any
# argument check; reg outside x64_rax..x64_r15 (7..21), ntrampolines 0 or above 102 → EINVAL. fd, ntrampolines
# and reg are 32-bit (pwrite's unsigned int fd, the __u32 struct fields): higher bits are dropped.
# trampfd_write_data(fd, reg, table) likewise (EBADF, EEXIST, bad reg → EINVAL). The table is not looked at, but
# its value is what "set" means: `trampfd->data = (void *) data.table`, tested by `if (trampfd->data)` (RFC v2
# patch 1/4, trampfd_data) — a NULL table leaves the descriptor unset, so the next write is not EEXIST.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
r1 = trampfd_create(r0) = 3
trampfd_write_code(99, 1, 7, r0) = -EBADF
trampfd_write_code(0, 1, 7, r0) = -EBADF
trampfd_write_code(-1, 1, 7, r0) = -EBADF
trampfd_write_code(r1, 1, 6, r0) = -EINVAL
trampfd_write_code(r1, 1, 22, r0) = -EINVAL
trampfd_write_code(r1, 0, 7, r0) = -EINVAL
trampfd_write_code(r1, 103, 7, r0) = -EINVAL
trampfd_write_code(0x100000003, 0x100000001, 0x100000015, 0x20000000) = 0
trampfd_write_code(r1, 1, 7, r0) = -EEXIST
trampfd_write_code(r1, 0, 0, 0) = -EEXIST
trampfd_write_data(99, 8, r0) = -EBADF
trampfd_write_data(2, 8, r0) = -EBADF
trampfd_write_data(r1, 6, r0) = -EINVAL
trampfd_write_data(r1, 22, r0) = -EINVAL
trampfd_write_data(r1, 0x100000015, NULL) = 0
trampfd_write_data(r1, 8, r0) = 0
trampfd_write_data(r1, 0, r0) = -EEXIST
r2 = trampfd_create(r0+0x10) = 4
trampfd_write_code(r2, 102, 7, r0) = 0
trampfd_write_data(r2, 7, r0) = 0
#! p0 pte r0 P RW US A D NX page
