# mmdiff 1
# SEMANTICS §11 + docs/conventions.md (exec), §9.3: the tables are read with the caller's PKRU (a table under an
# access-disabled pkey → SEGV_PKUERR); when code and data use the same register the data load wins: the jump
# goes to the data value.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
r1 = trampfd_create(r0)
trampfd_write_code(r1, 1, 9, r0+0x1000)
trampfd_write_data(r1, 9, r0+0x1800)
write(r0+0x1000, 0x401000)
write(r0+0x1800, 0x55)
r2 = mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000)
exec(r2) = jump 0x55 0x55
r3 = pkey_alloc(0, PKEY_DISABLE_ACCESS)
pkey_mprotect(r0+0x1000, 0x1000, PROT_READ|PROT_WRITE, r3) = 0
exec(r2) = fault SIGSEGV SEGV_PKUERR
