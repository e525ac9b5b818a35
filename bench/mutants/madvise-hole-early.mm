# mmdiff 1
# the smallest program the mutant madvise-hole-early changes (model and clean impl agree on it)
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
r1 = mmap(0x10002000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
write(r1, 0x5)
madvise(r0, 0x3000, MADV_DONTNEED)
read(r1)
