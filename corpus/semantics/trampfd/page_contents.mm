# mmdiff 1
# SEMANTICS §11 "Per-trampoline code", docs/conventions.md (the exact bytes): slot X at page + 40X is what the RFC v2
# patch 2/4 arch/x86/kernel/trampfd.c: trampfd_code_fill_64 writes, at fixed offsets: addr[0..3] endbr64;
# addr[4..13] movabs $&code_table[X],%c (0x48|REX.B, 0xB8|c); addr[14..16] movq (%c),%c (0x48|REX.R|REX.B, 0x8B,
# ModRM `0x00 | (c&7) << 3 | (c&7)` — three bytes for every register, r12/rbp/r13 included: the RFC's encoding slip,
# kept as the spec); addr[17..29] the same for %d; addr[30..32] jmpq *%c as `0x40 | REX.B` (an empty REX 0x40 below
# r8), 0xFF, 0xE0|c; addr[33..35] nopl (%rax); addr[36..39] zero. Slots from code.ntrampolines on, and the rest of
# the page, are zero (`memset(addr, 0, eaddr - addr)`). The page is filled on the first fault (none before it) and
# mapped read-only like a file page: P US A, no NX (the VMA is r-x), D clear. Values computed from the patch's C.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
r1 = trampfd_create(r0) = 3
trampfd_write_code(r1, 2, 7, r0+0x100) = 0
trampfd_write_data(r1, 8, r0+0x200) = 0
r2 = mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = 0x7ffff7ffe000
#! p0 pte r2 none
read(r2) = 0x100b848fa1e0ff3
#! p0 pte r2 P US A page
read(r2+0x8) = 0x8b48000000001000
read(r2+0x10) = 0x10000200bb4800
read(r2+0x18) = 0xff401b8b48000000
read(r2+0x20) = 0x1f0fe0
read(r2+0x28) = 0x108b848fa1e0ff3
read(r2+0x30) = 0x8b48000000001000
read(r2+0x38) = 0x10000208bb4800
read(r2+0x40) = 0xff401b8b48000000
read(r2+0x48) = 0x1f0fe0
read(r2+0x50) = 0
read(r2+0xff8) = 0
r3 = trampfd_create(r0+0x10) = 4
trampfd_write_code(r3, 1, 18, 0x10000300) = 0
trampfd_write_data(r3, 19, 0x10000400) = 0
r4 = mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r3, 0x1000) = 0x7ffff7ffd000
read(r4) = 0x300bc49fa1e0ff3
read(r4+0x8) = 0x8b4d000000001000
read(r4+0x10) = 0x10000400bd4924
read(r4+0x18) = 0xff412d8b4d000000
read(r4+0x20) = 0x1f0fe4
read(r4+0x28) = 0
r5 = trampfd_create(r0+0x20) = 5
trampfd_write_code(r5, 102, 13, 0x10000500) = 0
trampfd_write_data(r5, 21, 0x10000600) = 0
r6 = mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r5, 0x1000) = 0x7ffff7ffc000
read(r6) = 0x500bd48fa1e0ff3
read(r6+0x10) = 0x10000600bf492d
read(r6+0xfc8) = 0x828bd48fa1e0ff3
read(r6+0xfd0) = 0x8b48000000001000
read(r6+0xfd8) = 0x10000928bf492d
read(r6+0xfe0) = 0xff403f8b4d000000
read(r6+0xfe8) = 0x1f0fe5
read(r6+0xff0) = 0
#! p0 pte r6 P US A page
#! p0 vmas r0..r0+0x1000 rw- account | r6..r6+0x1000 r-x trampfd | r4..r4+0x1000 r-x trampfd | r2..r2+0x1000 r-x trampfd
write(r2, 0) = fault SIGSEGV SEGV_ACCERR
