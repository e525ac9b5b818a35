# mmdiff 1
# SEMANTICS §11 + docs/conventions.md (exec): exec at page + 40X, X < code.ntrampolines, runs trampoline X after
# the fetch: it loads code_table[X] then data_table[X] — user reads at execution time, in the executing process —
# and the result is `jump TARGET DATA` (an rN binding holds TARGET, so a table entry can point at another
# trampoline). Any other address in the page is a plain fetch (0). A table read that faults is the exec's result
# (PROT_NONE → SEGV_ACCERR, access-disabled pkey → SEGV_PKUERR, unmapped → SEGV_MAPERR; the code table is read
# first). With the same register for code and data, the jmp uses the data value. A fetch from the page after
# mprotect(PROT_READ) is SEGV_ACCERR.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
r1 = trampfd_create(r0) = 3
trampfd_write_code(r1, 3, 7, r0+0x100) = 0
trampfd_write_data(r1, 8, r0+0x200) = 0
write(r0+0x100, 0x401000) = 0
write(r0+0x108, 0x402000) = 0
write(r0+0x200, 0x2a) = 0
write(r0+0x208, 0x2b) = 0
r2 = mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = 0x7ffff7ffe000
#! p0 pte r2 none
exec(r2) = jump 0x401000 0x2a
#! p0 pte r2 P US A page
exec(r2+0x28) = jump 0x402000 0x2b
exec(r2+0x50) = jump 0 0
exec(r2+0x78) = 0
exec(r2+0x4) = 0
exec(r2+0xff8) = 0
write(r0+0x100, r2+0x28) = 0
r3 = exec(r2) = jump 0x7ffff7ffe028 0x2a
exec(r3) = jump 0x402000 0x2b
mprotect(r0, 0x1000, PROT_NONE) = 0
exec(r2) = fault SIGSEGV SEGV_ACCERR
r4 = pkey_alloc(0, PKEY_DISABLE_ACCESS) = 1
pkey_mprotect(r0, 0x1000, PROT_READ|PROT_WRITE, r4) = 0
exec(r2) = fault SIGSEGV SEGV_PKUERR
pkey_mprotect(r0, 0x1000, PROT_READ|PROT_WRITE, 0) = 0
exec(r2+0x28) = jump 0x402000 0x2b
r5 = trampfd_create(r0) = 4
trampfd_write_code(r5, 1, 9, r0+0x300) = 0
trampfd_write_data(r5, 9, r0+0x1000) = 0
write(r0+0x300, 0x404000) = 0
write(r0+0x1000, 0x55) = 0
r6 = mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r5, 0x1000) = 0x7ffff7ffd000
exec(r6) = jump 0x55 0x55
munmap(r0+0x1000, 0x1000) = 0
exec(r6) = fault SIGSEGV SEGV_MAPERR
munmap(r0, 0x1000) = 0
exec(r6) = fault SIGSEGV SEGV_MAPERR
exec(r2) = fault SIGSEGV SEGV_MAPERR
mprotect(r2, 0x1000, PROT_READ) = 0
exec(r2) = fault SIGSEGV SEGV_ACCERR
read(r2) = 0x100b848fa1e0ff3
