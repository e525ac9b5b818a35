# mmdiff 1
# SEMANTICS §10.8, §5.2: mm/madvise.c: madvise_dontneed_single_vma — MADV_DONTNEED zaps a shadow stack like any
# private anonymous VMA; the next shadow-stack access (RET reads 0: #CP SEGV_CPERR) faults in a fresh page, a
# shadow-stack PTE because the fault is a shadow-stack access (write fault).
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
call(0x401000) = 0
madvise(0x7ffff7dff000, 0x1000, MADV_DONTNEED) = 0
#! p0 pte 0x7ffff7dff000 none
ret(0x401000) = fault SIGSEGV SEGV_CPERR
#! p0 pte 0x7ffff7dff000 P US A D SavedDirty NX page
