# mmdiff 1
# SEMANTICS §10.1 STATUS: arch/x86/kernel/shstk.c: shstk_prctl — put_user(features, arg2), one 8-byte store by
# the kernel (docs/conventions.md): a page that cannot be written the way a user write could (unmapped, read-only,
# a shadow stack — access_error refuses normal writes there —, a write-disabled pkey, the kernel half,
# non-canonical) → EFAULT, never a signal; nothing is stored when the second page of the word fails, though the
# first was faulted in. Any alignment is allowed.
# machine shstk=1
r0 = mmap(0x10000000, 0x3000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
mprotect(r0+0x1000, 0x1000, PROT_READ) = 0
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK) = 0
arch_prctl(ARCH_SHSTK_STATUS, NULL) = -EFAULT
arch_prctl(ARCH_SHSTK_STATUS, r0+0x1000) = -EFAULT
arch_prctl(ARCH_SHSTK_STATUS, r0+0xffc) = -EFAULT
#! p0 pte r0 P RW US A D NX page
read(r0+0xff8) = 0
arch_prctl(ARCH_SHSTK_STATUS, 0x7ffff7dffff8) = -EFAULT
#! p0 pte 0x7ffff7dff000 none
arch_prctl(ARCH_SHSTK_STATUS, 0x7ffffffff000) = -EFAULT
arch_prctl(ARCH_SHSTK_STATUS, 0xffff888000000000) = -EFAULT
arch_prctl(ARCH_SHSTK_STATUS, 0x800000000000) = -EFAULT
r1 = pkey_alloc(0, PKEY_DISABLE_WRITE) = 1
pkey_mprotect(r0+0x2000, 0x1000, PROT_READ|PROT_WRITE, r1) = 0
arch_prctl(ARCH_SHSTK_STATUS, r0+0x2000) = -EFAULT
read(r0+0x2000) = 0
arch_prctl(ARCH_SHSTK_STATUS, r0+4) = 0
read(r0) = 0x100000000
read(r0+8) = 0
