# mmdiff 1
# SEMANTICS §4.3 Multi-VMA, §4.4: mm/madvise.c: madvise_walk_vmas — the seal rule is checked per VMA during
# the walk: [unsealed RO][sealed RO] DONTNEED → EPERM after the first VMA's page was already zapped;
# [sealed RO][unsealed RO] → EPERM with nothing done.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x1) = 0
write(r0+0x1000, 0x2) = 0
mprotect(r0, 0x2000, PROT_READ) = 0
mseal(r0+0x1000, 0x1000, 0) = 0
madvise(r0, 0x2000, MADV_DONTNEED) = -EPERM
#! p0 pte r0 none
read(r0) = 0
read(r0+0x1000) = 0x2
r1 = mmap(0x20000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
write(r1, 0x3) = 0
write(r1+0x1000, 0x4) = 0
mprotect(r1, 0x2000, PROT_READ) = 0
mseal(r1, 0x1000, 0) = 0
madvise(r1, 0x2000, MADV_DONTNEED) = -EPERM
read(r1) = 0x3
read(r1+0x1000) = 0x4
