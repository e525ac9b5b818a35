# mmdiff 1
# docs/conventions.md "Trampoline fd" (files): fs/open.c: close(unsigned int fd) — the descriptor is 32-bit (high
# bits dropped); closing one that is not open (already closed, -1, beyond the table) → EBADF. New trampfds get
# the lowest free number from 3 (fs/file.c: alloc_fd; 0-2 are the runner's stdio, which close like any other
# descriptor, once).
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
r1 = trampfd_create(r0) = 3
r2 = trampfd_create(r0) = 4
close(0x100000003) = 0
close(3) = -EBADF
close(-1) = -EBADF
close(1024) = -EBADF
r3 = trampfd_create(r0) = 3
close(0) = 0
close(0) = -EBADF
r4 = trampfd_create(r0) = 5
close(r2) = 0
r5 = trampfd_create(r0) = 4
trampfd_write_code(r2, 1, 7, r0) = 0
trampfd_write_code(r5, 1, 7, r0) = -EEXIST
