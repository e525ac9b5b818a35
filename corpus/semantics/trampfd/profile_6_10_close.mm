# mmdiff 1
# SEMANTICS §11 + docs/conventions.md "Trampoline fd": under profile=6.10 the trampfd calls are ENOSYS (never
# merged) and no fd 3 exists (mmap of it: EBADF); close(2) works under both profiles (fs/open.c: close_fd; stdio
# descriptors 0-2 are open).
# machine profile=6.10
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
trampfd_create(r0) = -ENOSYS
trampfd_write_code(3, 1, 7, r0) = -ENOSYS
trampfd_write_data(3, 7, r0) = -ENOSYS
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, 3, 0x1000) = -EBADF
close(3) = -EBADF
close(1) = 0
close(1) = -EBADF
#! p0 pte r0 none
