# mmdiff 1
# SEMANTICS §3.5 ("If no key is free, pkey 0 is used (page readable)"): arch/x86/mm/pkeys.c:
# __execute_only_pkey — with all 15 keys allocated a PROT_EXEC-only mapping gets key 0 and is readable;
# the mm has no execute-only key yet, so once a key is freed the next PROT_EXEC-only mmap takes it (and
# sets AD for it in PKRU), after which it is no longer freeable by the user.
pkey_alloc(0, 0) = 1
pkey_alloc(0, 0) = 2
pkey_alloc(0, 0) = 3
pkey_alloc(0, 0) = 4
pkey_alloc(0, 0) = 5
pkey_alloc(0, 0) = 6
pkey_alloc(0, 0) = 7
pkey_alloc(0, 0) = 8
pkey_alloc(0, 0) = 9
pkey_alloc(0, 0) = 10
pkey_alloc(0, 0) = 11
pkey_alloc(0, 0) = 12
pkey_alloc(0, 0) = 13
pkey_alloc(0, 0) = 14
pkey_alloc(0, 0) = 15
#! p0 pkru 0x0 | pkeys 0xffff
r0 = mmap(0x10000000, 0x1000, PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
#! p0 vmas r0..r0+0x1000 --x
read(r0) = 0
pkey_free(5) = 0
r1 = mmap(0x10010000, 0x1000, PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10010000
#! p0 vmas r0..r0+0x1000 --x | r1..r1+0x1000 --x pkey=5
#! p0 pkru 0x400 | pkeys 0xffff
read(r1) = fault SIGSEGV SEGV_PKUERR
read(r0) = 0
pkey_free(5) = -EINVAL
