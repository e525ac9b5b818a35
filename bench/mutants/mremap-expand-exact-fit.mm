# mmdiff 1
# the smallest program the mutant mremap-expand-exact-fit changes (model and clean impl agree on it)
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
r1 = mmap(0x10002000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
mremap(r0, 0x1000, 0x2000, 0, 0)
