# mmdiff 1
# SEMANTICS §10.8, §10.5, §5.2, docs/conventions.md: on a shadow stack, mprotect(PROT_READ) keeps present
# shadow-stack PTEs (CALL/RET within that page still work); MADV_DONTNEED zaps, and the next shadow-stack access
# needs VM_WRITE (SEGV_ACCERR under PROT_READ; with it back, a zero-filled page: RET sees 0, #CP). PROT_NONE makes
# the PTE not present (PROTNONE, A D SavedDirty kept: pte_modify) and back. MADV_FREE cleans the PTE (D and
# SavedDirty cleared: no longer a shadow-stack PTE to the CPU); the next shadow-stack access reuses the exclusive
# page (do_wp_page), content kept. A clean exclusive page made writable again by mprotect becomes a shadow-stack
# PTE at once, without SavedDirty (change_pte_range: pte_mkwrite(pte, vma) → pte_mkwrite_shstk).
# machine shstk=1
r0 = map_shadow_stack(NULL, 0x3000, SHADOW_STACK_SET_TOKEN) = 0x7ffff7ffc000
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK) = 0
rstorssp(r0+0x2ff8) = 0
saveprevssp() = 0
#! p0 ssp r0+0x3000
call(0x401000) = 0
mprotect(r0, 0x3000, PROT_READ) = 0
#! p0 pte r0+0x2000 P US A D SavedDirty NX page
call(0x401100) = 0
ret(0x401100) = 0
madvise(r0+0x2000, 0x1000, MADV_DONTNEED) = 0
#! p0 pte r0+0x2000 none
ret(0x401000) = fault SIGSEGV SEGV_ACCERR
mprotect(r0, 0x3000, PROT_READ|PROT_WRITE) = 0
ret(0x401000) = fault SIGSEGV SEGV_CPERR
#! p0 pte r0+0x2000 P US A D SavedDirty NX page
#! p0 ssp r0+0x2ff8
mprotect(r0, 0x3000, PROT_NONE) = 0
#! p0 pte r0+0x2000 A D PROTNONE SavedDirty page
call(0x401200) = fault SIGSEGV SEGV_ACCERR
mprotect(r0, 0x3000, PROT_READ|PROT_WRITE) = 0
#! p0 pte r0+0x2000 P US A D SavedDirty NX page
call(0x401200) = 0
madvise(r0+0x2000, 0x1000, MADV_FREE) = 0
#! p0 pte r0+0x2000 P US NX page
ret(0x401200) = 0
#! p0 pte r0+0x2000 P US A D SavedDirty NX page
call(0x401300) = 0
madvise(r0+0x2000, 0x1000, MADV_FREE) = 0
mprotect(r0, 0x3000, PROT_READ) = 0
#! p0 pte r0+0x2000 P US NX page
mprotect(r0, 0x3000, PROT_READ|PROT_WRITE) = 0
#! p0 pte r0+0x2000 P US D NX page
ret(0x401300) = 0
#! p0 vmas 0x7ffff7600000..0x7ffff7e00000 rw- account shadow_stack | r0..r0+0x3000 rw- account shadow_stack
