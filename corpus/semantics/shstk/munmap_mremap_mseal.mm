# mmdiff 1
# SEMANTICS §10.8, §2, §4, §6: a shadow stack is otherwise an ordinary private anonymous VMA: munmap of part of it
# splits it (both parts keep VM_SHADOW_STACK); mseal applies and then blocks munmap, mprotect and mremap (EPERM);
# mremap moves one, even below 4 GiB (no shadow-stack rule in mm/mremap.c; vrm_set_new_addr passes no vm_flags to
# get_unmapped_area), with its PTEs as they are — the token still holds the old address. Two shadow stacks mapped next to each other merge (equal vm_flags, mm/vma.c: vma_merge_new_range).
# machine shstk=1
r0 = map_shadow_stack(0x200000000, 0x3000, 0) = 0x200000000
r1 = map_shadow_stack(0x200003000, 0x1000, SHADOW_STACK_SET_TOKEN) = 0x200003000
#! p0 vmas r0..r0+0x4000 rw- account shadow_stack
read(r1+0xff8) = 0x200004001
munmap(r0+0x1000, 0x1000) = 0
#! p0 vmas r0..r0+0x1000 rw- account shadow_stack | r0+0x2000..r0+0x4000 rw- account shadow_stack
mseal(r0, 0x1000, 0) = 0
munmap(r0, 0x1000) = -EPERM
mprotect(r0, 0x1000, PROT_READ) = -EPERM
mremap(r0, 0x1000, 0x1000, MREMAP_MAYMOVE|MREMAP_FIXED, 0x10000000) = -EPERM
r2 = mremap(r0+0x2000, 0x2000, 0x2000, MREMAP_MAYMOVE|MREMAP_FIXED, 0x10000000) = 0x10000000
#! p0 vmas r2..r2+0x2000 rw- account shadow_stack | r0..r0+0x1000 rw- account shadow_stack sealed
#! p0 pte r2+0x1000 P US A D SavedDirty NX page
read(r2+0x1ff8) = 0x200004001
