# mmdiff 1
# SEMANTICS §5.2 GUARD_INSTALL "Survive": mm/memory.c: zap_pte_range (markers kept unless
# ZAP_FLAG_DROP_MARKER), mm/mprotect.c: change_pte_range — guard markers survive MADV_DONTNEED and
# mprotect; munmap and a MAP_FIXED remap remove them; POPULATE over a guard region is EFAULT.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
madvise(r0, 0x1000, MADV_GUARD_INSTALL) = 0
madvise(r0, 0x2000, MADV_DONTNEED) = 0
#! p0 pte r0 guard
read(r0) = fault SIGSEGV SEGV_MAPERR
mprotect(r0, 0x2000, PROT_READ) = 0
#! p0 pte r0 guard
read(r0) = fault SIGSEGV SEGV_MAPERR
mprotect(r0, 0x2000, PROT_READ|PROT_WRITE) = 0
madvise(r0, 0x2000, MADV_POPULATE_READ) = -EFAULT
madvise(r0, 0x2000, MADV_POPULATE_WRITE) = -EFAULT
r1 = mmap(r0, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
#! p0 pte r0 none
read(r0) = 0
r2 = mmap(0x20000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
madvise(r2, 0x1000, MADV_GUARD_INSTALL) = 0
munmap(r2, 0x1000) = 0
r3 = mmap(0x20000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = 0x20000000
read(r3) = 0
