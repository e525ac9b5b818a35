# mmdiff 1
# SEMANTICS §10.3, §1.3: arch/x86/kernel/sys_x86_64.c: arch_get_unmapped_area_topdown — for
# VM_SHADOW_STACK, stack_guard_placement adds a one-page start gap (info.start_gap): a new shadow stack keeps a free
# page below it, so a one-page hole between two VMAs is skipped and left for a later mmap.
# machine shstk=1
mmap(0x7ffff7ffe000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
mmap(0x7ffff7ffc000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
map_shadow_stack(NULL, 0x1000, 0) = 0x7ffff7ffb000
mmap(NULL, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ffd000
