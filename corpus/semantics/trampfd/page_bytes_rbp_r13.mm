# mmdiff 1
# SEMANTICS §11 "Per-trampoline code" + docs/conventions.md: code in rbp (13), data in r9 (15) — the RFC writes
# ModRM mod=00 for rbp / r13 as for every register (no disp8 form), and a REX prefix 0x40 before a jmp through
# rax..rdi (40 ff e5: jmp *%rbp).
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
r1 = trampfd_create(r0)
trampfd_write_code(r1, 1, 13, r0+0x1000)
trampfd_write_data(r1, 15, r0+0x1800)
r2 = mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000)
read(r2) = 0x1000bd48fa1e0ff3
read(r2+0x8) = 0x8b48000000001000
read(r2+0x10) = 0x10001800b9492d
read(r2+0x18) = 0xff40098b4d000000
read(r2+0x20) = 0x1f0fe5
