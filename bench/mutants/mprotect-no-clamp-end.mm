# mmdiff 1
# the smallest program the mutant mprotect-no-clamp-end changes (model and clean impl agree on it)
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
mprotect(r0, 0x1000, PROT_READ)
