# mmdiff 1
# SEMANTICS §10.6, §9.3 + docs/conventions.md (PKRU): shadow-stack accesses check only access-disable; write-disable
# does not stop CALL/RET on an already shadow-stack page but does refuse a store that has to fault
# (arch/x86/mm/fault.c: access_error, arch_vma_access_permitted for a write fault): SEGV_PKUERR.
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
call(0x401000) = 0
wrpkru(0x55555556) = 0
call(0x402000) = 0
ret(0x402000) = 0
ret(0x401000) = 0
call(0x403000) = 0
madvise(0x7ffff7dff000, 0x1000, MADV_DONTNEED) = 0
call(0x403000) = fault SIGSEGV SEGV_PKUERR
ret(0x403000) = fault SIGSEGV SEGV_CPERR
wrpkru(0x55555555) = 0
ret(0x403000) = fault SIGSEGV SEGV_PKUERR
#! p0 ssp 0x7ffff7dffff8
