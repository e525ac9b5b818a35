# mmdiff 1
# SEMANTICS §10.2 steps 2-6: arch/x86/kernel/shstk.c: SYSCALL_DEFINE3(map_shadow_stack) — flags other than
# SHADOW_STACK_SET_TOKEN (SET_MARKER is arm64-only) → EINVAL first; SET_TOKEN with size < 8 → ENOSPC; a non-zero
# addr below 4 GiB → ERANGE; PAGE_ALIGN(size) wrapping → EOVERFLOW; then alloc_shstk → do_mmap's own errors:
# size 0 → EINVAL, size above TASK_SIZE → ENOMEM, an unaligned or too-high MAP_FIXED_NOREPLACE address →
# EINVAL / ENOMEM, an overlap → EEXIST. flags is `unsigned int`: bits above 31 are dropped. The result is the
# base address (not the token's); an exact 4 GiB address is allowed.
# machine shstk=1
map_shadow_stack(NULL, 0x1000, SHADOW_STACK_SET_MARKER) = -EINVAL
map_shadow_stack(NULL, 0x1000, SHADOW_STACK_SET_TOKEN|SHADOW_STACK_SET_MARKER) = -EINVAL
map_shadow_stack(NULL, 0, SHADOW_STACK_SET_MARKER) = -EINVAL
map_shadow_stack(NULL, 7, SHADOW_STACK_SET_TOKEN) = -ENOSPC
map_shadow_stack(0x1000, 0, SHADOW_STACK_SET_TOKEN) = -ENOSPC
map_shadow_stack(0x1000, 0x1000, 0) = -ERANGE
map_shadow_stack(0xfffff000, 0x1000, 0) = -ERANGE
map_shadow_stack(0x1000, -1, 0) = -ERANGE
map_shadow_stack(NULL, -1, 0) = -EOVERFLOW
map_shadow_stack(NULL, 0xfffffffffffff001, SHADOW_STACK_SET_TOKEN) = -EOVERFLOW
map_shadow_stack(NULL, -0x1000, 0) = -ENOMEM
map_shadow_stack(NULL, 0x800000000000, 0) = -ENOMEM
map_shadow_stack(NULL, 0, 0) = -EINVAL
map_shadow_stack(0x100000800, 0x1000, 0) = -EINVAL
map_shadow_stack(0x7ffffffff000, 0x1000, 0) = -ENOMEM
map_shadow_stack(0x7fffffffe000, 0x2000, 0) = -ENOMEM
#! p0 vmas none
r0 = map_shadow_stack(0x100000000, 0x2000, 0) = 0x100000000
map_shadow_stack(0x100001000, 0x1000, 0) = -EEXIST
map_shadow_stack(0x100000000, 0x1000, 0xffffffff00000000) = -EEXIST
r1 = map_shadow_stack(0x200000000, 0x1000, 0x100000001) = 0x200000000
read(r1+0xff8) = 0x200001001
#! p0 vmas r0..r0+0x2000 rw- account shadow_stack | r1..r1+0x1000 rw- account shadow_stack
#! p0 pte r0 none
#! p0 pte r1 P US A D SavedDirty NX page
