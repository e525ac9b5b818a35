# mmdiff 1
# SEMANTICS §10.2 step 7: arch/x86/kernel/shstk.c: alloc_shstk — when create_rstor_token fails the new mapping is
# vm_munmap()ed and the result is EINVAL: base + size not 8-aligned (even after it merged into the adjacent
# shadow stack: the munmap splits it back), or the WRUSS store faults — docs/conventions.md: with key 0
# write-disabled in PKRU the kernel's access_error refuses the faulting shadow-stack store. Without SET_TOKEN
# nothing is written, so the same mapping succeeds.
# machine shstk=1
r0 = map_shadow_stack(0x200002000, 0x2000, 0) = 0x200002000
map_shadow_stack(0x200000000, 0x1004, SHADOW_STACK_SET_TOKEN) = -EINVAL
#! p0 vmas r0..r0+0x2000 rw- account shadow_stack
wrpkru(0x55555556) = 0
map_shadow_stack(0x200010000, 0x1000, SHADOW_STACK_SET_TOKEN) = -EINVAL
#! p0 vmas r0..r0+0x2000 rw- account shadow_stack
r1 = map_shadow_stack(0x200010000, 0x1000, 0) = 0x200010000
read(r1) = 0
wrpkru(0x55555554) = 0
r2 = map_shadow_stack(0x200020000, 0x1000, SHADOW_STACK_SET_TOKEN) = 0x200020000
read(r2+0xff8) = 0x200021001
#! p0 vmas r0..r0+0x2000 rw- account shadow_stack | r1..r1+0x1000 rw- account shadow_stack | r2..r2+0x1000 rw- account shadow_stack
