# mmdiff 1
# SEMANTICS §10.3, §1.3 step 2-3: include/linux/mm.h: vm_start_gap (one page below a VM_SHADOW_STACK VMA),
# mm/vma.c: unmapped_area_topdown (info.start_gap = PAGE_SIZE for a new shadow stack) — both directions, as
# selftest test_guard_gap checks: (1) a top-down mmap never lands in the page below a shadow stack (it lands
# 2 pages below, `shstk - test_map - PAGE_SIZE == PAGE_SIZE`) and a hint there is ignored, but MAP_FIXED may map
# it; (2) a new shadow stack needs len + 1 page of free space and keeps the page below it free, so a 1-page
# hole that a plain mmap takes is skipped by map_shadow_stack. MAP_FIXED over a shadow stack replaces it with an
# ordinary VMA (userspace cannot create VM_SHADOW_STACK with mmap or mprotect).
# machine shstk=1
r0 = map_shadow_stack(0x7ffff7000000, 0x1000, 0) = 0x7ffff7000000
r1 = mmap(0x7ffff7001000, 0xffe000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x7ffff7001000
r2 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff6ffe000
r3 = mmap(0x7ffff6fff000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff6ffd000
#! p0 vmas r3..r2+0x1000 r-- | r0..r0+0x1000 rw- account shadow_stack | r1..r1+0xffe000 ---
r4 = mmap(0x7ffff6fff000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x7ffff6fff000
#! p0 vmas r3..r0 r-- | r0..r0+0x1000 rw- account shadow_stack | r1..r1+0xffe000 ---
munmap(r2, 0x1000) = 0
r5 = map_shadow_stack(NULL, 0x1000, 0) = 0x7ffff6ffc000
r6 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff6ffe000
r7 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff6ffa000
#! p0 vmas r7..r7+0x1000 r-- | r5..r5+0x1000 rw- account shadow_stack | r3..r0 r-- | r0..r0+0x1000 rw- account shadow_stack | r1..r1+0xffe000 ---
r8 = mmap(r5, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x7ffff6ffc000
mprotect(r8, 0x1000, PROT_READ|PROT_WRITE|PROT_EXEC) = 0
#! p0 vmas r7..r7+0x1000 r-- | r8..r8+0x1000 rwx account | r3..r0 r-- | r0..r0+0x1000 rw- account shadow_stack | r1..r1+0xffe000 ---
