# mmdiff 1
# the smallest program the mutant dontunmap-keeps-ptes changes (model and clean impl agree on it)
r0 = mmap(NULL, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
write(r0, 0x1)
r1 = mremap(r0, 0x1000, 0x1000, MREMAP_MAYMOVE|MREMAP_DONTUNMAP, 0)
