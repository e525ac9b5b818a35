# mmdiff 1
# SEMANTICS §3.1 step 7, §3.4: mm/mprotect.c: do_mprotect_pkey, arch/x86/include/asm/pkeys.h:
# mm_pkey_is_allocated — pkey_mprotect with a pkey that is negative (not -1), >= 16 or never allocated is
# EINVAL, checked before the VMA lookup (an unmapped range still gives EINVAL, not ENOMEM); pkey -1 is
# plain mprotect; the implicitly allocated key 0 is accepted.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
pkey_mprotect(0x20000000, 0x1000, PROT_READ, 5) = -EINVAL
pkey_mprotect(r0, 0x1000, PROT_READ, 16) = -EINVAL
pkey_mprotect(r0, 0x1000, PROT_READ, -2) = -EINVAL
pkey_mprotect(r0, 0x1000, PROT_READ, 1) = -EINVAL
pkey_mprotect(0x20000000, 0x1000, PROT_READ, -1) = -ENOMEM
pkey_mprotect(0x20000000, 0x1000, PROT_READ, 0) = -ENOMEM
#! p0 vmas r0..r0+0x2000 rw- account
pkey_mprotect(r0, 0x1000, PROT_READ, -1) = 0
pkey_mprotect(r0+0x1000, 0x1000, PROT_READ, 0) = 0
#! p0 vmas r0..r0+0x2000 r--
