# mmdiff 1
# SEMANTICS §10.1, §10.4: arch/x86/kernel/shstk.c: shstk_free → unmap_shadow_stack — vm_munmap(base, size)
# of the recorded range, whatever is mapped there now (a VMA the program put inside it); kernel/fork.c →
# shstk_alloc_thread_stack: a fork child (no CLONE_VM) keeps the parent's SSP and features (the stack was copied).
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
munmap(0x7ffff7600000, 0x800000) = 0
mmap(0x7ffff7700000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
r0 = fork() = 1
p1: arch_prctl(ARCH_SHSTK_DISABLE, 0x1) = 0
#! p1 vmas none
#! p1 shstk 0 | ssp 0
#! p0 vmas 0x7ffff7700000..0x7ffff7701000 rw- account
#! p0 shstk 1 | ssp 0x7ffff7e00000
