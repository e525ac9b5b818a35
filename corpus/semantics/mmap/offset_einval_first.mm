# mmdiff 1
# SEMANTICS §1.1 check 1: arch/x86/kernel/sys_x86_64.c: SYSCALL_DEFINE6(mmap) — an offset that is not
# page aligned is EINVAL before anything else: before the fd lookup (EBADF), before len == 0 (EINVAL),
# before PAGE_ALIGN(len) == 0 (ENOMEM) and before the MAP_FIXED alignment check.
mmap(NULL, -1, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0x1) = -EINVAL
mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE, -1, 0x1) = -EINVAL
mmap(NULL, 0, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0x800) = -EINVAL
mmap(0x10000800, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0xfff) = -EINVAL
#! p0 vmas none
