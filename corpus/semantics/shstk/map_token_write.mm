# mmdiff 1
# SEMANTICS §10.2 steps 7-8, §10.5: arch/x86/kernel/shstk.c: alloc_shstk, create_rstor_token — with
# SHADOW_STACK_SET_TOKEN the token (addr + size) | 1 is written at addr + size - 8 (size page-aligned up first, the
# token at the end of the *requested* size) with a shadow-stack store (write_user_shstk_64): the page is faulted in
# as a shadow-stack PTE (P US A D SavedDirty NX, RW=0); the other pages stay unpopulated.
# machine shstk=1
r0 = map_shadow_stack(NULL, 0x2000, SHADOW_STACK_SET_TOKEN) = 0x7ffff7ffd000
#! p0 vmas r0..r0+0x2000 rw- account shadow_stack
#! p0 pte r0 none
#! p0 pte r0+0x1000 P US A D SavedDirty NX page
read(r0+0x1ff8) = 0x7ffff7fff001
r1 = map_shadow_stack(NULL, 0x1ff0, SHADOW_STACK_SET_TOKEN)
read(r1+0x1fe8) = 0x7ffff7ffbff1
read(r1+0x1ff8) = 0
#! p0 ssp 0 | shstk 0
