# mmdiff 1
# SEMANTICS §10.2 step 7: arch/x86/kernel/shstk.c: alloc_shstk — when create_rstor_token fails (base + size not
# 8-aligned for size 0x1004; the WRUSS store refused by PKRU: access-disable on key 0, or write-disable since the
# store has to fault the page in) the new mapping is vm_munmap'ed again and map_shadow_stack returns -EINVAL.
# Without a token the same size maps (one page and the page-aligned rest).
# machine shstk=1
map_shadow_stack(NULL, 0x1004, SHADOW_STACK_SET_TOKEN) = -EINVAL
#! p0 vmas none
wrpkru(0x55555555)
map_shadow_stack(NULL, 0x1000, SHADOW_STACK_SET_TOKEN) = -EINVAL
wrpkru(0x55555556)
map_shadow_stack(NULL, 0x1000, SHADOW_STACK_SET_TOKEN) = -EINVAL
#! p0 vmas none
map_shadow_stack(NULL, 0x1004, 0) = 0x7ffff7ffd000
#! p0 vmas 0x7ffff7ffd000..0x7ffff7fff000 rw- account shadow_stack
