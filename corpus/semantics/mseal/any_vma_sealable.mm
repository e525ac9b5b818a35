# mmdiff 1
# SEMANTICS §4.1 bullets: mm/mseal.c — any VMA can be sealed: PROT_NONE, MAP_SHARED anonymous, growsdown;
# the seal changes no prot; sealed and unsealed neighbours with otherwise equal flags do not merge
# (VM_SEALED is a VMA flag, §1.5).
r0 = mmap(0x10000000, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
r1 = mmap(0x10010000, 0x1000, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10010000
r2 = mmap(0x10020000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_GROWSDOWN, -1, 0) = 0x10020000
mseal(r0, 0x1000, 0) = 0
mseal(r1, 0x1000, 0) = 0
mseal(r2, 0x1000, 0) = 0
r3 = mmap(0x10001000, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10001000
#! p0 vmas r0..r0+0x1000 --- sealed | r3..r3+0x1000 --- | r1..r1+0x1000 rw- shared sealed | r2..r2+0x1000 rw- growsdown account sealed
write(r1, 0x1) = 0
read(r1) = 0x1
read(r0) = fault SIGSEGV SEGV_ACCERR
