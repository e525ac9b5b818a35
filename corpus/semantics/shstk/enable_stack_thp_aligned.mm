# mmdiff 1
# SEMANTICS §10.1, §10.3: arch/x86/kernel/shstk.c: shstk_setup → alloc_shstk(0, 8 MiB) (adjust_shstk_size:
# min(RLIMIT_STACK, 4 GiB) = 8 MiB, no token); an anonymous length that is a multiple of PMD_SIZE is placed 2 MiB
# aligned (mm/mmap.c: __get_unmapped_area → thp_get_unmapped_area_vmflags), below the start gap; SSP = its top.
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
#! p0 vmas 0x7ffff7600000..0x7ffff7e00000 rw- account shadow_stack
#! p0 ssp 0x7ffff7e00000 | shstk 1
