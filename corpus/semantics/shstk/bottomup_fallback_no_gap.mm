# mmdiff 1
# SEMANTICS §10.3, §1.3 step 4: arch/x86/kernel/shstk.c: alloc_shstk maps with MAP_ABOVE4G and
# VM_SHADOW_STACK; arch/x86/kernel/sys_x86_64.c: arch_get_unmapped_area_topdown searches
# [4 GiB, mmap_base) with `info.start_gap = stack_guard_placement(vm_flags)` (one page), and when that
# fails falls back with `return arch_get_unmapped_area(filp, addr0, len, pgoff, flags, 0);` — vm_flags 0,
# so the bottom-up search (legacy base up to TASK_SIZE) gives the new shadow stack no start gap. With
# [4 GiB, mmap_base) full, the first shadow stack lands right at mmap_base (adjacent to the VMA below)
# and a second one right above it (mm/vma.c: unmapped_area only keeps vm_start_gap of a *following*
# VMA): the two merge, with no guard page between them. That following-VMA check still holds on this
# path: with a shadow stack at mmap_base + 1 page, the free page at mmap_base is its guard gap, so the
# next one goes above it.
# machine shstk=1
r0 = mmap(0x100000000, 0x7ffef7fff000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_NORESERVE, -1, 0) = 0x100000000
r1 = map_shadow_stack(NULL, 0x1000, 0) = 0x7ffff7fff000
#! p0 vmas r0..r1 --- noreserve | r1..r1+0x1000 rw- account shadow_stack
r2 = map_shadow_stack(NULL, 0x1000, 1) = 0x7ffff8000000
#! p0 vmas r0..r1 --- noreserve | r1..r2+0x1000 rw- account shadow_stack
read(r2+0xff8) = 0x7ffff8001001
munmap(r1, 0x2000) = 0
r3 = map_shadow_stack(0x7ffff8000000, 0x1000, 0) = 0x7ffff8000000
r4 = map_shadow_stack(NULL, 0x1000, 0) = 0x7ffff8001000
#! p0 vmas r0..0x7ffff7fff000 --- noreserve | r3..r4+0x1000 rw- account shadow_stack
