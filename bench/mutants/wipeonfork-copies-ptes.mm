# mmdiff 1
# the smallest program the mutant wipeonfork-copies-ptes changes (model and clean impl agree on it)
r0 = mmap(NULL, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
write(r0, 0x1)
madvise(r0, 0x1000, MADV_WIPEONFORK)
r1 = fork()
