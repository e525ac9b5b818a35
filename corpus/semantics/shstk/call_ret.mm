# mmdiff 1
# SEMANTICS §10.10 CALL/RET, §10.6 (#CP → SEGV_CPERR), §10.5: with SHSTK on, CALL stores the return address at
# SSP-8 with a shadow-stack store and moves SSP down; the first store into the fresh page faults (write fault,
# do_anonymous_page + pte_mkwrite(vma): RW=0 D=1, SavedDirty=1). RET loads [SSP]; a different return address is
# #CP(NEAR-RET) → SIGSEGV SEGV_CPERR with SSP unchanged (faults are restartable). Normal reads see the entries,
# normal writes to the shadow stack are SEGV_ACCERR (arch/x86/mm/fault.c: access_error). Selftest
# test_shstk_violation: corrupting the top entry with WRSS makes the RET fault; restoring it makes it work.
# RET above the top of the shadow stack reads the unmapped page above: SEGV_MAPERR.
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK) = 0
#! p0 ssp 0x7ffff7e00000
call(0x401000) = 0
call(0x401100) = 0
#! p0 ssp 0x7ffff7dffff0
#! p0 pte 0x7ffff7dff000 P US A D SavedDirty NX page
read(0x7ffff7dffff8) = 0x401000
read(0x7ffff7dffff0) = 0x401100
write(0x7ffff7dffff0, 0x401100) = fault SIGSEGV SEGV_ACCERR
ret(0x401200) = fault SIGSEGV SEGV_CPERR
#! p0 ssp 0x7ffff7dffff0
ret(0x401100) = 0
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_WRSS) = 0
wrss(0x7ffff7dffff8, 0) = 0
ret(0x401000) = fault SIGSEGV SEGV_CPERR
#! p0 ssp 0x7ffff7dffff8
wrss(0x7ffff7dffff8, 0x401000) = 0
ret(0x401000) = 0
#! p0 ssp 0x7ffff7e00000
ret(0x401000) = fault SIGSEGV SEGV_MAPERR
#! p0 ssp 0x7ffff7e00000
#! p0 pte 0x7ffff7dff000 P US A D SavedDirty NX page
#! p0 pte 0x7ffff7dfe000 none
