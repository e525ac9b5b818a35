# mmdiff 1
# SEMANTICS §9.2 access_error / bad_area_access_error, §9.3 PKRU: arch/x86/mm/fault.c — with the VMA's key
# access-disabled, reads and writes fault SEGV_PKUERR without populating; instruction fetches ignore PKRU;
# write-disable lets reads through and makes writes SEGV_PKUERR; pkey denial wins over a plain prot
# violation (write to a read-only page whose key is AD → PKUERR, with the key open → ACCERR).
r0 = pkey_alloc(0, PKEY_DISABLE_ACCESS) = 1
r1 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE|PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
pkey_mprotect(r1, 0x1000, PROT_READ|PROT_WRITE|PROT_EXEC, 1) = 0
read(r1) = fault SIGSEGV SEGV_PKUERR
write(r1, 0x5) = fault SIGSEGV SEGV_PKUERR
#! p0 pte r1 none
exec(r1) = 0
wrpkru(0x55555558) = 0
read(r1) = 0
write(r1, 0x5) = fault SIGSEGV SEGV_PKUERR
wrpkru(0x55555550) = 0
write(r1, 0x5) = 0
read(r1) = 0x5
#! p0 pte r1 P RW US A D PKEY=1 page
r2 = mmap(0x10010000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10010000
pkey_mprotect(r2, 0x1000, PROT_READ, 1) = 0
wrpkru(0x55555554) = 0
write(r2, 0x1) = fault SIGSEGV SEGV_PKUERR
wrpkru(0x55555550) = 0
write(r2, 0x1) = fault SIGSEGV SEGV_ACCERR
#! p0 pkru 0x55555550
