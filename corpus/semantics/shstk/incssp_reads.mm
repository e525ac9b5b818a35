# mmdiff 1
# SEMANTICS §10.10 INCSSP (Intel SDM): INCSSPQ n pops (n & 0xff) entries and reads the first and the last
# popped entry (a fault there leaves SSP unchanged); n & 0xff == 0 still reads [SSP]. The one-page gap (§10.3) is
# why reading above the stack's top faults (SEGV_MAPERR).
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
incssp(0) = fault SIGSEGV SEGV_MAPERR
#! p0 pte 0x7ffff7dff000 none
incssp(1) = fault SIGSEGV SEGV_MAPERR
call(0x401000) = 0
call(0x402000) = 0
incssp(3) = fault SIGSEGV SEGV_MAPERR
#! p0 ssp 0x7ffff7dffff0
incssp(0x102) = 0
#! p0 ssp 0x7ffff7e00000
