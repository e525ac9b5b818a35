# mmdiff 1
# SEMANTICS §10.2 steps 6-8, §10.3, §10.5: arch/x86/kernel/shstk.c: alloc_shstk, create_rstor_token — the VMA is
# rw- (PROT_READ plus VM_WRITE) with VM_SHADOW_STACK and VM_ACCOUNT, sized PAGE_ALIGN(size); SET_TOKEN writes the
# restore token (base + size) | 1 at base + size - 8, the top of the *requested* size, with WRUSS: the WRUSS write
# fault makes that page a shadow-stack PTE (mm/memory.c: do_anonymous_page, pte_mkwrite(pte_mkdirty()): RW=0 D=1,
# and SavedDirty from pte_mkdirty, docs/conventions.md). Without SET_TOKEN nothing is touched; a normal read maps
# the zero page. base + size not 8-aligned → the new mapping is unmapped again and the result is EINVAL.
# Each new shadow stack is placed with a free page below it (start_gap, vm_start_gap).
# machine shstk=1
r0 = map_shadow_stack(NULL, 0x1800, SHADOW_STACK_SET_TOKEN) = 0x7ffff7ffd000
read(r0+0x17f8) = 0x7ffff7ffe801
read(r0+0x1ff8) = 0
#! p0 pte r0 none
#! p0 pte r0+0x1000 P US A D SavedDirty NX page
r1 = map_shadow_stack(NULL, 0x1000, 0) = 0x7ffff7ffb000
#! p0 pte r1 none
read(r1+0xff8) = 0
#! p0 pte r1 P US A NX Z
map_shadow_stack(NULL, 0x1004, SHADOW_STACK_SET_TOKEN) = -EINVAL
map_shadow_stack(NULL, 0x2ffc, SHADOW_STACK_SET_TOKEN) = -EINVAL
#! p0 vmas r1..r1+0x1000 rw- account shadow_stack | r0..r0+0x2000 rw- account shadow_stack
r2 = map_shadow_stack(NULL, 8, SHADOW_STACK_SET_TOKEN) = 0x7ffff7ff9000
read(r2) = 0x7ffff7ff9009
r3 = map_shadow_stack(NULL, 0x10, SHADOW_STACK_SET_TOKEN) = 0x7ffff7ff7000
read(r3) = 0
read(r3+8) = 0x7ffff7ff7011
write(r3+8, 0x1) = fault SIGSEGV SEGV_ACCERR
#! p0 vmas r3..r3+0x1000 rw- account shadow_stack | r2..r2+0x1000 rw- account shadow_stack | r1..r1+0x1000 rw- account shadow_stack | r0..r0+0x2000 rw- account shadow_stack
