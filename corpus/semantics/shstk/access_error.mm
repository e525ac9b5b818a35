# mmdiff 1
# SEMANTICS §10.6, §9.2: arch/x86/mm/fault.c: do_user_addr_fault, access_error — a shadow-stack access to a page
# that is not a shadow-stack PTE is a #PF with the SS bit, handled as a write fault: no VMA → SEGV_MAPERR; a VMA
# without VM_SHADOW_STACK → SEGV_ACCERR (nothing faulted in), also after mm/mmap.c: lock_mm_and_find_vma grew a
# VM_GROWSDOWN VMA down to the address. Here the top of the thread's shadow stack is replaced by normal memory,
# removed, then covered by a growsdown stack.
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK) = 0
munmap(0x7ffff7c00000, 0x200000) = 0
r0 = mmap(0x7ffff7c00000, 0x200000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x7ffff7c00000
call(0x401000) = fault SIGSEGV SEGV_ACCERR
#! p0 pte 0x7ffff7dff000 none
#! p0 ssp 0x7ffff7e00000
munmap(r0, 0x200000) = 0
call(0x401000) = fault SIGSEGV SEGV_MAPERR
r1 = mmap(0x7ffff7e00000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_GROWSDOWN, -1, 0) = 0x7ffff7e00000
call(0x401000) = fault SIGSEGV SEGV_ACCERR
#! p0 vmas 0x7ffff7600000..0x7ffff7c00000 rw- account shadow_stack | 0x7ffff7dff000..0x7ffff7e01000 rw- growsdown account
#! p0 ssp 0x7ffff7e00000
