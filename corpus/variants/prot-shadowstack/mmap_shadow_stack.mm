# mmdiff 1
# model/variants/prot-shadowstack.ts: mmap(PROT_READ | PROT_SHADOWSTACK) makes a shadow-stack VMA
# (VM_SHADOW_STACK | VM_WRITE, as alloc_shstk's) with no restore token; ordinary stores fault,
# reads see zeros. The one-page start gap of a shadow stack applies to placement (a later mapping
# stays a page below it), but MAP_ABOVE4G is not implied: MAP_32BIT puts one below 4 GiB — with no start
# gap there: MAP_32BIT goes to the bottom-up arch_get_unmapped_area with vm_flags 0 (sys_x86_64.c).
# Shared memory cannot be a shadow stack (arch_validate_flags); map_shadow_stack() does not exist.
# Model-only (profile=prot-shadowstack, on a CET machine).
# machine profile=prot-shadowstack shstk=1
r0 = mmap(NULL, 0x2000, PROT_READ|PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ffd000
#! p0 vmas r0..r0+0x2000 rw- account shadow_stack
write(r0, 0x1) = fault SIGSEGV SEGV_ACCERR
read(r0+0x1ff8) = 0
r1 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ffb000
r2 = mmap(NULL, 0x1000, PROT_READ|PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS|MAP_32BIT, -1, 0) = 0x40000000
mmap(NULL, 0x1000, PROT_READ|PROT_SHADOWSTACK, MAP_SHARED|MAP_ANONYMOUS, -1, 0) = -EINVAL
map_shadow_stack(NULL, 0x1000, SHADOW_STACK_SET_TOKEN) = -ENOSYS
#! p0 vmas r2..r2+0x1000 rw- account shadow_stack | r1..r1+0x1000 r-- | r0..r0+0x2000 rw- account shadow_stack
