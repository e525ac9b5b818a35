# mmdiff 1
# SEMANTICS §10.1: arch/x86/kernel/shstk.c: shstk_prctl, shstk_setup, shstk_disable, wrss_control — ENABLE(SHSTK)
# maps the thread's shadow stack, PAGE_ALIGN(min(RLIMIT_STACK, 4 GiB)) = 8 MiB, with alloc_shstk (MAP_ABOVE4G,
# VM_SHADOW_STACK; a length that is a multiple of 2 MiB without a hint takes __get_unmapped_area's THP path, so it
# is 2 MiB-aligned) and sets SSP to its top; enabling again does nothing. WRSS can be enabled on top. One feature
# per call (0 bits or 2 bits → EINVAL), unknown single bits → EINVAL. STATUS stores the features word with
# put_user. DISABLE(SHSTK) clears WRSS too, sets SSP to 0 and unmaps the thread's shadow stack; disabling again
# is 0; WRSS needs SHSTK (EPERM both ways). arch/x86/kernel/process_64.c: do_arch_prctl_64 — `int option`
# (high bits dropped), codes outside ARCH_SHSTK_* → EINVAL (docs/conventions.md).
# machine shstk=1
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
arch_prctl(ARCH_SHSTK_STATUS, r0) = 0
read(r0) = 0
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK) = 0
#! p0 ssp 0x7ffff7e00000 | shstk 0x1
#! p0 vmas r0..r0+0x1000 rw- account | 0x7ffff7600000..0x7ffff7e00000 rw- account shadow_stack
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK) = 0
#! p0 vmas r0..r0+0x1000 rw- account | 0x7ffff7600000..0x7ffff7e00000 rw- account shadow_stack
arch_prctl(ARCH_SHSTK_STATUS, r0) = 0
read(r0) = 0x1
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_WRSS) = 0
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_WRSS) = 0
arch_prctl(ARCH_SHSTK_STATUS, r0+8) = 0
read(r0+8) = 0x3
#! p0 shstk 0x3
arch_prctl(ARCH_SHSTK_ENABLE, 0) = -EINVAL
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK|ARCH_SHSTK_WRSS) = -EINVAL
arch_prctl(ARCH_SHSTK_ENABLE, 0x4) = -EINVAL
arch_prctl(ARCH_SHSTK_DISABLE, 0x8000000000000000) = -EINVAL
arch_prctl(ARCH_SHSTK_DISABLE, 0) = -EINVAL
arch_prctl(0x5000, 0x1) = -EINVAL
arch_prctl(0x5006, 0x1) = -EINVAL
arch_prctl(-1, 0x1) = -EINVAL
arch_prctl(0x100005002, 0x2) = 0
#! p0 shstk 0x1
call(0x401000) = 0
#! p0 ssp 0x7ffff7dffff8
arch_prctl(ARCH_SHSTK_DISABLE, ARCH_SHSTK_SHSTK) = 0
#! p0 ssp 0 | shstk 0
#! p0 vmas r0..r0+0x1000 rw- account
arch_prctl(ARCH_SHSTK_DISABLE, ARCH_SHSTK_SHSTK) = 0
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_WRSS) = -EPERM
arch_prctl(ARCH_SHSTK_DISABLE, ARCH_SHSTK_WRSS) = -EPERM
call(0x401000) = 0
arch_prctl(ARCH_SHSTK_STATUS, r0) = 0
read(r0) = 0
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK) = 0
#! p0 ssp 0x7ffff7e00000 | shstk 0x1
#! p0 vmas r0..r0+0x1000 rw- account | 0x7ffff7600000..0x7ffff7e00000 rw- account shadow_stack
#! p0 pte 0x7ffff7dff000 none
