# mmdiff 1
# SEMANTICS §11 "Per-trampoline code" + docs/conventions.md (the exact bytes of RFC v2 patch 2/4): slot X at page
# + 40X: endbr64; movabs &code_table[X], %r12 (reg 18); mov (%r12), %r12; movabs &data_table[X], %r14 (reg 20);
# mov (%r14), %r14; jmp *%r12; nopl; zero padding. The RFC writes ModRM mod=00 with no SIB byte for r12 too: these
# are its bytes, whatever a CPU would decode. Unused slots are 0; the page is mapped P US A, not writable.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
r1 = trampfd_create(r0)
trampfd_write_code(r1, 2, 18, r0+0x1000)
trampfd_write_data(r1, 20, r0+0x1800)
r2 = mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000)
read(r2) = 0x1000bc49fa1e0ff3
read(r2+0x8) = 0x8b4d000000001000
read(r2+0x10) = 0x10001800be4924
read(r2+0x18) = 0xff41368b4d000000
read(r2+0x20) = 0x1f0fe4
read(r2+0x28) = 0x1008bc49fa1e0ff3
read(r2+0x50) = 0
#! p0 pte r2 P US A page
write(r2, 0x1) = fault SIGSEGV SEGV_ACCERR
