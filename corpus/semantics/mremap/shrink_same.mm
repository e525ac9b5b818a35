# mmdiff 1
# SEMANTICS §6.2 mremap_at: mm/mremap.c: shrink_vma — shrinking unmaps the tail and returns addr (the
# tail then faults SEGV_MAPERR); same size returns addr and changes nothing; lengths are page-aligned
# first (0x1001 → 0x2000).
r0 = mmap(0x10000000, 0x3000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x1) = 0
write(r0+0x2000, 0x3) = 0
mremap(r0, 0x3000, 0x1001, 0, NULL) = 0x10000000
#! p0 vmas r0..r0+0x2000 rw- account
read(r0+0x2000) = fault SIGSEGV SEGV_MAPERR
mremap(r0, 0x2000, 0x2000, 0, NULL) = 0x10000000
mremap(r0, 0x1800, 0x2000, 0, NULL) = 0x10000000
#! p0 vmas r0..r0+0x2000 rw- account
read(r0) = 0x1
