# mmdiff 1
# SEMANTICS §10.5, §10.6: arch/x86/mm/fault.c: access_error — an ordinary write to a VM_SHADOW_STACK VMA is
# SEGV_ACCERR (X86_PF_WRITE on a shadow stack), a fetch too (no VM_EXEC); a normal read fault maps the zero page
# (P US A NX Z); the first shadow-stack store (CALL) replaces it with a shadow-stack PTE (P US A D SavedDirty NX).
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
read(0x7ffff7dffff8) = 0
#! p0 pte 0x7ffff7dff000 P US A NX Z
write(0x7ffff7dffff8, 0x1) = fault SIGSEGV SEGV_ACCERR
call(0x401000) = 0
#! p0 pte 0x7ffff7dff000 P US A D SavedDirty NX page
write(0x7ffff7dffff8, 0x1) = fault SIGSEGV SEGV_ACCERR
exec(0x7ffff7dffff8) = fault SIGSEGV SEGV_ACCERR
