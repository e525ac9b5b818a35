# mmdiff 1
# SEMANTICS §9.2: arch/x86/mm/fault.c: do_user_addr_fault / bad_area_nosemaphore — an access with no VMA
# covering it (nothing mapped, a hole, just past a VMA, the top user page) is SIGSEGV SEGV_MAPERR; so is a
# kernel-half address (>= TASK_SIZE_MAX), e.g. the direct map or the vsyscall page read in xonly mode.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
read(0x20000000) = fault SIGSEGV SEGV_MAPERR
write(0x20000000, 0x1) = fault SIGSEGV SEGV_MAPERR
exec(0x20000000) = fault SIGSEGV SEGV_MAPERR
read(r0+0x1000) = fault SIGSEGV SEGV_MAPERR
read(NULL) = fault SIGSEGV SEGV_MAPERR
read(0x7ffffffff000) = fault SIGSEGV SEGV_MAPERR
read(0xffff888000000000) = fault SIGSEGV SEGV_MAPERR
write(0xffff888000000000, 0x1) = fault SIGSEGV SEGV_MAPERR
read(0xffffffffff600000) = fault SIGSEGV SEGV_MAPERR
#! p0 vmas r0..r0+0x1000 rw- account
