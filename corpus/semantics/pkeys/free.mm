# mmdiff 1
# SEMANTICS §3.4 pkey_free: mm/mprotect.c: SYSCALL_DEFINE1(pkey_free), mm_pkey_free — a key that is not
# allocated (never, out of range, negative, or already freed) is EINVAL; freeing does not check VMAs (the
# VMA keeps the stale key) and does not touch PKRU; afterwards pkey_mprotect with it is EINVAL, and the
# next pkey_alloc hands the same key out again with a fresh init value.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
r1 = pkey_alloc(0, 0) = 1
pkey_free(2) = -EINVAL
pkey_free(-1) = -EINVAL
pkey_free(16) = -EINVAL
pkey_mprotect(r0, 0x1000, PROT_READ|PROT_WRITE, 1) = 0
write(r0, 0x5) = 0
pkey_free(1) = 0
#! p0 vmas r0..r0+0x1000 rw- pkey=1 account
#! p0 pkru 0x55555550 | pkeys 0x1
pkey_free(1) = -EINVAL
pkey_mprotect(r0, 0x1000, PROT_READ, 1) = -EINVAL
read(r0) = 0x5
r2 = pkey_alloc(0, PKEY_DISABLE_ACCESS) = 1
#! p0 pkru 0x55555554 | pkeys 0x3
read(r0) = fault SIGSEGV SEGV_PKUERR
