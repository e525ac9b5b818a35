# mmdiff 1
# docs/conventions.md (8-byte little-endian words at any alignment; a word spanning two pages translates
# the lower page first, then the upper; if either faults nothing is written): a store crossing into an
# unmapped page faults SEGV_MAPERR and a store crossing into a read-only page SEGV_ACCERR, both leaving
# the lower page unchanged; a read crossing into a readable page combines the two pages' bytes.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0+0xffc, 0x1122334455667788) = fault SIGSEGV SEGV_MAPERR
read(r0+0xff8) = 0
write(r0+0xff8, 0x1122334455667788) = 0
r1 = mmap(0x10001000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10001000
read(r0+0xffc) = 0x11223344
write(r0+0xffc, 0x1) = fault SIGSEGV SEGV_ACCERR
read(r0+0xff8) = 0x1122334455667788
write(r0+0xff4, 0xaabb) = 0
read(r0+0xff8) = 0x1122334400000000
read(r0+0xff4) = 0xaabb
