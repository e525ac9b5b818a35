# mmdiff 1
# SEMANTICS §4.2 "Not blocked", §9.2 (expand_stack): mm/mmap.c: expand_downwards has no seal check — a
# sealed MAP_GROWSDOWN VMA still grows down on a fault below it and stays sealed; page faults (incl.
# COW of the zero page) are not blocked by the seal.
r0 = mmap(0x10100000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_GROWSDOWN, -1, 0) = 0x10100000
mseal(r0, 0x1000, 0) = 0
write(r0-0x8, 0x1) = 0
#! p0 vmas r0-0x1000..r0+0x1000 rw- growsdown account sealed
read(r0) = 0
write(r0, 0x2) = 0
munmap(r0-0x1000, 0x1000) = -EPERM
