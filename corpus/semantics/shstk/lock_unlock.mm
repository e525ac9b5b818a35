# mmdiff 1
# SEMANTICS §10.1 (corrected, docs/conventions.md): arch/x86/kernel/shstk.c: shstk_prctl — LOCK ORs any bits into
# features_locked (no check, 0 even without SHSTK); a locked bit makes ENABLE/DISABLE of it EPERM, checked before
# the one-feature-at-a-time EINVAL and before "already enabled". UNLOCK is only honoured for a ptracer
# (task != current); from the task itself it falls through to the ENABLE branch: UNLOCK(SHSTK) enables shadow
# stacks, UNLOCK of a locked bit is EPERM, UNLOCK(0) EINVAL. STATUS works whatever is locked. fork keeps the locks
# (dup_task_struct copies thread.features_locked).
# machine shstk=1
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
arch_prctl(ARCH_SHSTK_UNLOCK, ARCH_SHSTK_SHSTK) = 0
#! p0 ssp 0x7ffff7e00000 | shstk 0x1
arch_prctl(ARCH_SHSTK_UNLOCK, ARCH_SHSTK_WRSS) = 0
#! p0 shstk 0x3
arch_prctl(ARCH_SHSTK_UNLOCK, 0) = -EINVAL
arch_prctl(ARCH_SHSTK_DISABLE, ARCH_SHSTK_WRSS) = 0
arch_prctl(ARCH_SHSTK_LOCK, ARCH_SHSTK_WRSS) = 0
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_WRSS) = -EPERM
arch_prctl(ARCH_SHSTK_UNLOCK, ARCH_SHSTK_WRSS) = -EPERM
arch_prctl(ARCH_SHSTK_DISABLE, ARCH_SHSTK_WRSS) = -EPERM
arch_prctl(ARCH_SHSTK_LOCK, 0xffffffff00000000) = 0
arch_prctl(ARCH_SHSTK_ENABLE, 0x100000000) = -EPERM
arch_prctl(ARCH_SHSTK_ENABLE, 0x300000000) = -EPERM
arch_prctl(ARCH_SHSTK_ENABLE, 0x10) = -EINVAL
arch_prctl(ARCH_SHSTK_LOCK, ARCH_SHSTK_SHSTK) = 0
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK) = -EPERM
arch_prctl(ARCH_SHSTK_DISABLE, ARCH_SHSTK_SHSTK) = -EPERM
arch_prctl(ARCH_SHSTK_STATUS, r0) = 0
read(r0) = 0x1
#! p0 shstk 0x1
r1 = fork() = 1
p1: arch_prctl(ARCH_SHSTK_DISABLE, ARCH_SHSTK_SHSTK) = -EPERM
p1: arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_WRSS) = -EPERM
p1: arch_prctl(ARCH_SHSTK_STATUS, r0+8) = 0
p1: read(r0+8) = 0x1
#! p1 shstk 0x1 | ssp 0x7ffff7e00000
