# mmdiff 1
# model/variants/prot-shadowstack.ts, Yu-cheng Yu's PROT_SHSTK rules ("[PATCH v25 30/30] mm: Introduce
# PROT_SHSTK for shadow stack", 2021-04-15): mprotect accepts PROT_SHADOWSTACK only while the thread has
# shadow stacks enabled and without PROT_WRITE (arch_validate_prot), and the bit replaces
# VM_SHADOW_STACK (VM_ARCH_CLEAR). So userspace can write a restore token with ordinary stores and
# then turn the memory into a shadow stack (the "writable window" map_shadow_stack closed), and an
# mprotect without the bit makes a shadow stack ordinary, writable memory again: its shadow-stack
# PTE is write-protected (D -> SavedDirty) and made writable as any exclusive anonymous page.
# Model-only (profile=prot-shadowstack, on a CET machine).
# machine profile=prot-shadowstack shstk=1
r0 = mmap(0x20000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
write(r0+0x1ff8, 0x20002001) = 0
mprotect(r0, 0x2000, PROT_READ|PROT_SHADOWSTACK) = -EINVAL
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK) = 0
mprotect(r0, 0x2000, PROT_READ|PROT_WRITE|PROT_SHADOWSTACK) = -EINVAL
mprotect(r0, 0x2000, PROT_READ|PROT_SHADOWSTACK) = 0
#! p0 vmas r0..r0+0x2000 rw- account shadow_stack | 0x7ffff7600000..0x7ffff7e00000 rw- account shadow_stack
rstorssp(r0+0x1ff8) = 0
#! p0 ssp r0+0x1ff8
#! p0 pte r0+0x1000 P US A D SavedDirty NX page
call(0x401000) = 0
write(r0+0x1000, 0x1) = fault SIGSEGV SEGV_ACCERR
mprotect(r0, 0x2000, PROT_READ|PROT_WRITE) = 0
#! p0 vmas r0..r0+0x2000 rw- account | 0x7ffff7600000..0x7ffff7e00000 rw- account shadow_stack
#! p0 pte r0+0x1000 P RW US A D NX page
write(r0+0x1ff0, 0x41) = 0
ret(0x401000) = fault SIGSEGV SEGV_ACCERR
r1 = mmap(NULL, 0x1000, PROT_READ, MAP_SHARED|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ffe000
mprotect(r1, 0x1000, PROT_READ|PROT_SHADOWSTACK) = -EINVAL
