# mmdiff 1
# SEMANTICS §3.5: arch/x86/mm/pkeys.c: __execute_only_pkey — once the exec-only key exists it is reused;
# if the thread's PKRU was changed to allow reads through it, the next PROT_EXEC-only mmap sets AD for the
# key again (arch_set_user_pkey_access), other bits untouched.
r0 = mmap(0x10000000, 0x1000, PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
wrpkru(0) = 0
read(r0) = 0
r1 = mmap(0x10001000, 0x1000, PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10001000
#! p0 pkru 0x4 | pkeys 0x3
#! p0 vmas r0..r0+0x2000 --x pkey=1
read(r0) = fault SIGSEGV SEGV_PKUERR
read(r1) = fault SIGSEGV SEGV_PKUERR
exec(r1) = 0
