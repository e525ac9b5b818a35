# mmdiff 1
# SEMANTICS §10.10 CALL/RET, §10.6: CALL stores the return address at SSP-8 (shadow-stack write fault first:
# P US A D SavedDirty NX); RET compares [SSP] — a mismatch is #CP(NEAR-RET) → SIGSEGV SEGV_CPERR
# (arch/x86/kernel/cet.c: do_user_cp_fault) with SSP unchanged; RET past the top reads the unmapped page: MAPERR.
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
call(0x401000) = 0
call(0x402000) = 0
#! p0 ssp 0x7ffff7dffff0
#! p0 pte 0x7ffff7dff000 P US A D SavedDirty NX page
read(0x7ffff7dffff8) = 0x401000
read(0x7ffff7dffff0) = 0x402000
ret(0x401000) = fault SIGSEGV SEGV_CPERR
#! p0 ssp 0x7ffff7dffff0
ret(0x402000) = 0
ret(0x401000) = 0
ret(0x401000) = fault SIGSEGV SEGV_MAPERR
#! p0 ssp 0x7ffff7e00000
