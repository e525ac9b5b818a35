# mmdiff 1
# SEMANTICS §10.6 "GUP", selftest test_shadow_stack.c: test_gup. mm/gup.c: check_vma_flags — a write to a
# VM_SHADOW_STACK VMA needs FOLL_FORCE (and a COW mapping), which /proc/self/mem writes have (mem_write). The fault
# is an ordinary write fault of a VM_WRITE VMA: do_anonymous_page / wp_page_copy build pte_mkwrite(pte_mkdirty(),
# vma), a shadow-stack PTE (P RW=0 D, SavedDirty), and can_follow_write_pte takes it (pte_write() is true for a
# shadow-stack PTE). So after a forced write a shadow-stack access works (selftest "Gup write -> shstk access
# success") and a normal write still faults ("Gup write -> write access success"); in a fork child the forced
# write copies the page and does not reach the parent ("Cow gup write"). Made PROT_READ (no VM_WRITE) the shadow
# stack is still force-writable: a read-only copy with SavedDirty, which a later shadow-stack access refuses.
# machine shstk=1
r0 = map_shadow_stack(NULL, 0x2000, SHADOW_STACK_SET_TOKEN) = 0x7ffff7ffd000
mem_write(r0, 0x12345678) = 8
#! p0 pte r0 P US A D SavedDirty NX page
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK) = 0
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_WRSS) = 0
wrss(r0, 0x12345678) = 0
write(r0, 0x12345678) = fault SIGSEGV SEGV_ACCERR
read(r0) = 0x12345678
r1 = fork() = 1
p1: mem_write(r0, 0x9999) = 8
p1: read(r0) = 0x9999
read(r0) = 0x12345678
#! p1 pte r0 P US A D SavedDirty NX page
mprotect(r0, 0x2000, PROT_READ) = 0
mem_write(r0+0x8, 0x77) = 8
#! p0 pte r0 P US A SavedDirty NX page
wrss(r0+0x8, 0x1) = fault SIGSEGV SEGV_ACCERR
read(r0+0x8) = 0x77
