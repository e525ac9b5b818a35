# mmdiff 1
# SEMANTICS §3.4, key finding 7 [C6.18]: mm_pkey_free — pkey_free(0) succeeds on 6.18; key 0 is then not
# allocated (pkey_mprotect with it → EINVAL) and the next pkey_alloc returns 0, setting PKRU's bits for
# key 0 — so with DISABLE_WRITE every ordinary (key 0) page becomes write-protected by PKRU.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
pkey_free(0) = 0
#! p0 pkeys 0x0 | pkru 0x55555554
pkey_mprotect(r0, 0x1000, PROT_READ, 0) = -EINVAL
pkey_free(0) = -EINVAL
r1 = pkey_alloc(0, PKEY_DISABLE_WRITE) = 0
#! p0 pkeys 0x1 | pkru 0x55555556
read(r0) = 0
write(r0, 0x1) = fault SIGSEGV SEGV_PKUERR
#! p0 pte r0 P US A NX Z
wrpkru(0x55555554) = 0
write(r0, 0x1) = 0
