# mmdiff 1
# SEMANTICS §11 "System call" + docs/conventions.md: trampfd_create(info) — NULL → EINVAL, unmapped or kernel-half
# info → EFAULT; the 16-byte trampfd_info {102, 40, 4096, 0} is copied out, then fs/file.c: alloc_fd gives the
# lowest free descriptor from 3 (closed numbers and stdio ones reused); close of a closed fd → EBADF; an fd that is
# not a trampfd (0, -1) → EBADF for trampfd_write_code.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
trampfd_create(NULL) = -EINVAL
trampfd_create(0x20000000) = -EFAULT
trampfd_create(0x800000000000) = -EFAULT
r1 = trampfd_create(r0+0x8) = 3
read(r0+0x8) = 0x2800000066
read(r0+0x10) = 0x1000
r2 = trampfd_create(r0+0x100) = 4
close(r1) = 0
close(r1) = -EBADF
close(0) = 0
trampfd_create(r0+0x200) = 3
trampfd_create(r0+0x300) = 5
trampfd_write_code(0, 1, 7, r0) = -EBADF
trampfd_write_code(-1, 1, 7, r0) = -EBADF
