# mmdiff 1
# the smallest program the mutant protnone-fault-maperr changes (model and clean impl agree on it)
r0 = mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
read(r0)
