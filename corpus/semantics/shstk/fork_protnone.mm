# mmdiff 1
# SEMANTICS §10.7, §10.5 + docs/conventions.md: arch/x86/include/asm/pgtable.h: pte_shstk tests (RW|D) == D only,
# not _PAGE_PRESENT, so pte_write() holds for a shadow-stack page made PROT_NONE (pte_modify kept D) and
# mm/memory.c: copy_present_pte write-protects it in both processes on fork (D → SavedDirty). Back under
# PROT_READ|PROT_WRITE it is a plain read-only PTE; the next shadow-stack access (RSTORSSP on the token) faults
# and copies the shared page into a shadow-stack page, token intact.
# machine shstk=1
r0 = map_shadow_stack(NULL, 0x1000, SHADOW_STACK_SET_TOKEN) = 0x7ffff7ffe000
mprotect(r0, 0x1000, PROT_NONE) = 0
#! p0 pte r0 A D PROTNONE SavedDirty page
r1 = fork() = 1
#! p0 pte r0 A PROTNONE SavedDirty f0
#! p1 pte r0 PROTNONE SavedDirty f0
mprotect(r0, 0x1000, PROT_READ|PROT_WRITE) = 0
#! p0 pte r0 P US A SavedDirty NX f0
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK) = 0
rstorssp(r0+0xff8) = 0
#! p0 ssp r0+0xff8
#! p0 pte r0 P US A D SavedDirty NX f0
#! p1 pte r0 PROTNONE SavedDirty f1
read(r0+0xff8) = 0x7ffff7e00003
