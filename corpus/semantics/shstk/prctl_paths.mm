# mmdiff 1
# SEMANTICS §10.1: arch/x86/kernel/shstk.c: shstk_prctl — WRSS before SHSTK → EPERM (wrss_control), more than
# one feature or an unknown bit → EINVAL, 0 → EINVAL; DISABLE of a disabled feature is 0, ENABLE of an enabled one
# 0; STATUS put_user()s the features (EFAULT on an unmapped or kernel-half address); DISABLE(WRSS) then
# DISABLE(SHSTK) unmaps the stack; LOCK makes later ENABLE EPERM; an unknown option → EINVAL.
# machine shstk=1
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
arch_prctl(ARCH_SHSTK_ENABLE, 0x2) = -EPERM
arch_prctl(ARCH_SHSTK_DISABLE, 0x2) = -EPERM
arch_prctl(ARCH_SHSTK_ENABLE, 0x3) = -EINVAL
arch_prctl(ARCH_SHSTK_ENABLE, 0x4) = -EINVAL
arch_prctl(ARCH_SHSTK_ENABLE, 0) = -EINVAL
arch_prctl(ARCH_SHSTK_DISABLE, 0x1) = 0
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
arch_prctl(ARCH_SHSTK_ENABLE, 0x2) = 0
arch_prctl(ARCH_SHSTK_STATUS, r0+0x8) = 0
read(r0+0x8) = 0x3
arch_prctl(ARCH_SHSTK_STATUS, 0x20000000) = -EFAULT
arch_prctl(ARCH_SHSTK_STATUS, 0x800000000000) = -EFAULT
#! p0 shstk 3 | ssp 0x7ffff7e00000
#! p0 vmas r0..r0+0x1000 rw- account | 0x7ffff7600000..0x7ffff7e00000 rw- account shadow_stack
arch_prctl(ARCH_SHSTK_DISABLE, 0x2) = 0
arch_prctl(ARCH_SHSTK_DISABLE, 0x1) = 0
#! p0 shstk 0 | ssp 0
#! p0 vmas r0..r0+0x1000 rw- account
arch_prctl(ARCH_SHSTK_LOCK, 0x1) = 0
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = -EPERM
arch_prctl(ARCH_SHSTK_ENABLE, 0x3) = -EPERM
arch_prctl(0x1002, 0x1) = -EINVAL
