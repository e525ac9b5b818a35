# mmdiff 1
# SEMANTICS §5.1 steps 1 and 4, docs/conventions.md (root without CAP_SYS_ADMIN): mm/madvise.c:
# madvise_inject_error — HWPOISON and SOFT_OFFLINE are valid advice (not EINVAL) but check CAP_SYS_ADMIN
# before looking at the range: EPERM, even on an unmapped range (which also keeps this case harmless on a
# runner that does have CAP_SYS_ADMIN: nothing to poison there).
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
madvise(0x20000000, 0x1000, MADV_HWPOISON) = -EPERM
madvise(0x20000000, 0x1000, MADV_SOFT_OFFLINE) = -EPERM
madvise(0x20000000, 0x1000, 102) = -ENOMEM
#! p0 vmas r0..r0+0x1000 rw- account
