# mmdiff 1
# SEMANTICS §11 + docs/conventions.md "Trampoline fd": trampfd (RFC v2) was never merged; it is part of the 6.18
# profile only. Under profile 6.10 every trampfd_* call is ENOSYS before any argument is looked at (nothing is
# copied to info), no descriptor other than stdio is open (close → EBADF; closing stdio works once), and mmap
# of any fd, stdio included, is EBADF. Model-only (profile 6.10).
# machine profile=6.10
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
trampfd_create(r0) = -ENOSYS
trampfd_create(NULL) = -ENOSYS
trampfd_write_code(3, 1, 7, r0) = -ENOSYS
trampfd_write_data(3, 8, r0) = -ENOSYS
close(3) = -EBADF
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, 3, 0x1000) = -EBADF
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, 1, 0x1000) = -EBADF
close(1) = 0
close(1) = -EBADF
#! p0 pte r0 none
#! p0 vmas r0..r0+0x1000 rw- account
