# mmdiff 1
# SEMANTICS §11 "Code descriptor" / "Data descriptor": trampfd_write_code(fd, ntrampolines, reg, table) — not a
# trampfd → EBADF; already set → EEXIST (before any argument check); reg outside x64_rax (7) .. r15 (21) (x64_max is
# 22, no rsp) → EINVAL; ntrampolines 0 or > 102 → EINVAL; the fields are __u32 (high bits of the arguments dropped).
# The data descriptor the same way (reg 22 → EINVAL, a second write → EEXIST).
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
r1 = trampfd_create(r0)
trampfd_write_code(4, 1, 7, r0) = -EBADF
trampfd_write_code(r1, 1, 6, r0) = -EINVAL
trampfd_write_code(r1, 1, 22, r0) = -EINVAL
trampfd_write_code(r1, 0, 7, r0) = -EINVAL
trampfd_write_code(r1, 103, 7, r0) = -EINVAL
trampfd_write_code(r1, 0x100000001, 0x100000007, r0) = 0
trampfd_write_code(r1, 0, 6, r0) = -EEXIST
trampfd_write_data(r1, 22, r0) = -EINVAL
trampfd_write_data(r1, 21, r0) = 0
trampfd_write_data(r1, 22, r0) = -EEXIST
