# mmdiff 1
# SEMANTICS §10.2 steps 2-6: arch/x86/kernel/shstk.c: SYSCALL_DEFINE3(map_shadow_stack) — any flag but
# SHADOW_STACK_SET_TOKEN (SET_MARKER too, x86 has no marker) → EINVAL first; SET_TOKEN with size < 8 → ENOSPC; addr
# below 4 GiB → ERANGE; PAGE_ALIGN(size) wrapping → EOVERFLOW; then alloc_shstk → do_mmap (PROT_READ, VM_SHADOW_STACK|
# VM_WRITE, MAP_FIXED_NOREPLACE with an addr): len 0 or an unaligned addr → EINVAL, past TASK_SIZE → ENOMEM, over a
# VMA → EEXIST. The VMA is rw-, accounted, shadow_stack; without a token nothing is faulted in.
# machine shstk=1
map_shadow_stack(0x1000, 0x4, SHADOW_STACK_SET_TOKEN|SHADOW_STACK_SET_MARKER) = -EINVAL
map_shadow_stack(NULL, 0x1000, SHADOW_STACK_SET_MARKER) = -EINVAL
map_shadow_stack(0x1000, 0x4, SHADOW_STACK_SET_TOKEN) = -ENOSPC
map_shadow_stack(0x1000, -0x1, 0) = -ERANGE
map_shadow_stack(NULL, -0x1, 0) = -EOVERFLOW
map_shadow_stack(NULL, 0, 0) = -EINVAL
map_shadow_stack(0x100000800, 0x1000, 0) = -EINVAL
map_shadow_stack(0x7ffffffff000, 0x1000, 0) = -ENOMEM
r0 = map_shadow_stack(0x100000000, 0x2000, 0) = 0x100000000
map_shadow_stack(0x100001000, 0x1000, 0) = -EEXIST
#! p0 vmas 0x100000000..0x100002000 rw- account shadow_stack
#! p0 pte r0 none
