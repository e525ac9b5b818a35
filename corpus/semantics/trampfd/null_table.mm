# mmdiff 1
# SEMANTICS §11 "Code descriptor" / "Data descriptor", as the RFC v2 code does it (patch 1/4,
# fs/trampfd/trampfd_fops.c): trampfd_code tests `if (trampfd->code)` for EEXIST, runs trampfd_code_arch (reg,
# ntrampolines: EINVAL), then stores `trampfd->code = (void *) (uintptr_t) code.table` — so a code descriptor
# written with table 0 leaves the pointer NULL: the write returns success, the descriptor stays unset, the next
# write is not EEXIST (and is still validated). trampfd_data likewise (`if (trampfd->data)`,
# `trampfd->data = (void *) data.table`). fs/trampfd/trampfd_map.c: trampfd_mmap — `if (!trampfd->code ||
# !trampfd->data) rc = -EINVAL`: a NULL table counts as missing. The descriptor that counts is the last write:
# code reg rcx (9), ntrampolines 2 — the page bytes are trampfd_code_fill_64's for it.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
r1 = trampfd_create(r0) = 3
trampfd_write_code(r1, 1, 7, NULL) = 0
trampfd_write_code(r1, 1, 6, NULL) = -EINVAL
trampfd_write_code(r1, 0, 7, NULL) = -EINVAL
trampfd_write_code(r1, 5, 8, NULL) = 0
trampfd_write_data(r1, 8, NULL) = 0
trampfd_write_data(r1, 22, NULL) = -EINVAL
trampfd_write_data(r1, 8, NULL) = 0
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EINVAL
trampfd_write_code(r1, 2, 9, r0+0x100) = 0
trampfd_write_code(r1, 1, 7, NULL) = -EEXIST
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EINVAL
trampfd_write_data(r1, 10, r0+0x200) = 0
trampfd_write_data(r1, 8, NULL) = -EEXIST
r2 = mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = 0x7ffff7ffe000
read(r2) = 0x100b948fa1e0ff3
read(r2+0x8) = 0x8b48000000001000
read(r2+0x10) = 0x10000200ba4809
read(r2+0x18) = 0xff40128b48000000
read(r2+0x20) = 0x1f0fe1
read(r2+0x28) = 0x108b948fa1e0ff3
read(r2+0x50) = 0
write(r0+0x108, 0x401000) = 0
write(r0+0x208, 0x77) = 0
exec(r2+0x28) = jump 0x401000 0x77
exec(r2+0x50) = 0
