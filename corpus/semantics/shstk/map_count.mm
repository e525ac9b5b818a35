# mmdiff 1
# SEMANTICS §10.2 step 6, §1.6: arch/x86/kernel/shstk.c: alloc_shstk → mm/mmap.c: do_mmap — map_count >
# max_map_count → ENOMEM, for map_shadow_stack and for ARCH_SHSTK_ENABLE's own shadow stack (shstk_setup
# returns the error and leaves the feature off, SSP 0).
# machine shstk=1 maxMapCount=1
r0 = mmap(0x10000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
r1 = mmap(0x10002000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10002000
map_shadow_stack(NULL, 0x1000, SHADOW_STACK_SET_TOKEN) = -ENOMEM
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK) = -ENOMEM
#! p0 ssp 0 | shstk 0
#! p0 vmas r0..r0+0x1000 r-- | r1..r1+0x1000 r--
munmap(r1, 0x1000) = 0
r2 = map_shadow_stack(NULL, 0x1000, 0) = 0x7ffff7ffe000
#! p0 vmas r0..r0+0x1000 r-- | r2..r2+0x1000 rw- account shadow_stack
