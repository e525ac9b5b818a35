# mmdiff 1
# the smallest program the mutant fork-keeps-locked changes (model and clean impl agree on it)
r0 = mmap(NULL, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_LOCKED, -1, 0)
r1 = fork()
