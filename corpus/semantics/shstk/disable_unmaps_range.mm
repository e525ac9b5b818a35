# mmdiff 1
# SEMANTICS §10.1 shstk_disable: arch/x86/kernel/shstk.c: shstk_free → unmap_shadow_stack — vm_munmap(base, size)
# of the range ENABLE recorded, whatever is mapped there now (the program replaced part of it: that goes, a map
# outside the range stays); a vm_munmap failure (a sealed VMA: EPERM, mm/vma.c: vms_gather_munmap_vmas) is ignored
# (WARN_ON_ONCE) and the feature is cleared anyway (docs/conventions.md).
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK) = 0
munmap(0x7ffff7600000, 0x800000) = 0
r0 = mmap(0x7ffff7700000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x7ffff7700000
r1 = mmap(0x7ffff7f00000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x7ffff7f00000
#! p0 ssp 0x7ffff7e00000 | shstk 0x1
arch_prctl(ARCH_SHSTK_DISABLE, ARCH_SHSTK_SHSTK) = 0
#! p0 ssp 0 | shstk 0
#! p0 vmas r1..r1+0x1000 r--
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK) = 0
#! p0 vmas 0x7ffff7600000..0x7ffff7e00000 rw- account shadow_stack | r1..r1+0x1000 r--
mseal(0x7ffff7600000, 0x1000, 0) = 0
arch_prctl(ARCH_SHSTK_DISABLE, ARCH_SHSTK_SHSTK) = 0
#! p0 ssp 0 | shstk 0
#! p0 vmas 0x7ffff7600000..0x7ffff7601000 rw- account shadow_stack sealed | 0x7ffff7601000..0x7ffff7e00000 rw- account shadow_stack | r1..r1+0x1000 r--
arch_prctl(ARCH_SHSTK_DISABLE, ARCH_SHSTK_SHSTK) = 0
