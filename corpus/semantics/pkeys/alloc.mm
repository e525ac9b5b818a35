# mmdiff 1
# SEMANTICS §3.4 pkey_alloc: mm/mprotect.c: SYSCALL_DEFINE2(pkey_alloc), arch/x86/include/asm/pkeys.h:
# mm_pkey_alloc, arch/x86/kernel/fpu/xstate.c: arch_set_user_pkey_access — flags != 0 or init_val outside
# DISABLE_ACCESS|DISABLE_WRITE → EINVAL; otherwise the lowest free key (key 0 is allocated implicitly) with
# this thread's PKRU AD/WD bits for it set to init_val (default PKRU 0x55555554); 15 keys, then ENOSPC.
#! p0 pkru 0x55555554 | pkeys 0x1
pkey_alloc(1, 0) = -EINVAL
pkey_alloc(0, 0x4) = -EINVAL
pkey_alloc(0, PKEY_DISABLE_ACCESS|PKEY_DISABLE_WRITE|0x8) = -EINVAL
#! p0 pkru 0x55555554 | pkeys 0x1
r0 = pkey_alloc(0, 0) = 1
#! p0 pkru 0x55555550 | pkeys 0x3
r1 = pkey_alloc(0, PKEY_DISABLE_WRITE) = 2
#! p0 pkru 0x55555560 | pkeys 0x7
r2 = pkey_alloc(0, PKEY_DISABLE_ACCESS) = 3
r3 = pkey_alloc(0, PKEY_DISABLE_ACCESS|PKEY_DISABLE_WRITE) = 4
#! p0 pkru 0x55555760 | pkeys 0x1f
pkey_alloc(0, PKEY_DISABLE_ACCESS) = 5
pkey_alloc(0, PKEY_DISABLE_ACCESS) = 6
pkey_alloc(0, PKEY_DISABLE_ACCESS) = 7
pkey_alloc(0, PKEY_DISABLE_ACCESS) = 8
pkey_alloc(0, PKEY_DISABLE_ACCESS) = 9
pkey_alloc(0, PKEY_DISABLE_ACCESS) = 10
pkey_alloc(0, PKEY_DISABLE_ACCESS) = 11
pkey_alloc(0, PKEY_DISABLE_ACCESS) = 12
pkey_alloc(0, PKEY_DISABLE_ACCESS) = 13
pkey_alloc(0, PKEY_DISABLE_ACCESS) = 14
pkey_alloc(0, 0) = 15
pkey_alloc(0, 0) = -ENOSPC
#! p0 pkru 0x15555760 | pkeys 0xffff
