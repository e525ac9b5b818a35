# mmdiff 1
# SEMANTICS §10.3, §1.5: two shadow stacks at fixed addresses next to each other have the same flags
# (VM_SHADOW_STACK|VM_WRITE|VM_ACCOUNT, anonymous, no anon_vma yet): mm/vma.c: vma_merge_new_range merges them.
# machine shstk=1
map_shadow_stack(0x100001000, 0x1000, 0) = 0x100001000
map_shadow_stack(0x100000000, 0x1000, 0) = 0x100000000
#! p0 vmas 0x100000000..0x100002000 rw- account shadow_stack
