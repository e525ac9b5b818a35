# mmdiff 1
# SEMANTICS §11 + docs/conventions.md (exec): exec at page + 40X, X < ntrampolines, runs trampoline X: code_table[X]
# and data_table[X] are read at execution time → jump TARGET DATA; an offset inside a slot or past the used ones
# runs nothing (0); a table that became unmapped → SEGV_MAPERR.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
r1 = trampfd_create(r0) = 3
trampfd_write_code(r1, 3, 7, r0+0x1000) = 0
trampfd_write_data(r1, 8, r0+0x1800) = 0
write(r0+0x1000, 0x401000)
write(r0+0x1808, 0x2a)
r2 = mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000)
r3 = exec(r2) = jump 0x401000 0x0
exec(r2+0x28) = jump 0x0 0x2a
exec(r2+0x50) = jump 0x0 0x0
exec(r2+0x78) = 0
exec(r2+0x4) = 0
exec(r2+0xfff) = 0
write(r0+0x1008, 0x402000)
exec(r2+0x28) = jump 0x402000 0x2a
write(r3+0x1000, 0x1) = fault SIGSEGV SEGV_MAPERR
munmap(r0+0x1000, 0x1000) = 0
exec(r2) = fault SIGSEGV SEGV_MAPERR
