# mmdiff 1
# SEMANTICS §10.10 WRSS, §10.6, §10.8 MADV_DONTNEED; selftest test_shstk_faults: WRSS needs SHSTK and WRSS (#UD
# otherwise) and an 8-aligned address (#GP → SIGSEGV SI_KERNEL). A fresh shadow stack read normally maps the zero
# page; WRSS then faults (SS → write fault) and copies it into a shadow-stack page (do_wp_page → wp_page_copy);
# after MADV_DONTNEED (allowed; the token page is zapped too) WRSS faults in a new zero-filled page. WRSS to
# memory that is not a shadow stack: access_error (no VM_SHADOW_STACK) → SEGV_ACCERR without touching the page;
# unmapped or kernel half → SEGV_MAPERR; non-canonical → #GP.
# machine shstk=1
r0 = map_shadow_stack(NULL, 0x2000, SHADOW_STACK_SET_TOKEN) = 0x7ffff7ffd000
r1 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
mprotect(r1+0x1000, 0x1000, PROT_READ) = 0
wrss(r0, 0x1) = fault SIGILL ILL_ILLOPN
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK) = 0
wrss(r0, 0x1) = fault SIGILL ILL_ILLOPN
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_WRSS) = 0
wrss(r0+4, 0x1) = fault SIGSEGV SI_KERNEL
read(r0) = 0
#! p0 pte r0 P US A NX Z
wrss(r0, 0x1) = 0
#! p0 pte r0 P US A D SavedDirty NX page
read(r0) = 0x1
madvise(r0, 0x2000, MADV_DONTNEED) = 0
#! p0 pte r0 none
#! p0 pte r0+0x1000 none
read(r0+0x1ff8) = 0
wrss(r0, 0x1) = 0
read(r0) = 0x1
wrss(r1, 0x1) = fault SIGSEGV SEGV_ACCERR
wrss(r1+0x1000, 0x1) = fault SIGSEGV SEGV_ACCERR
wrss(0x20000000, 0x1) = fault SIGSEGV SEGV_MAPERR
wrss(0xffff888000000000, 0x1) = fault SIGSEGV SEGV_MAPERR
wrss(0x800000000000, 0x1) = fault SIGSEGV SI_KERNEL
#! p0 pte r1 none
write(r0, 0x2) = fault SIGSEGV SEGV_ACCERR
read(r0) = 0x1
