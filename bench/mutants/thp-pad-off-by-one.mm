# mmdiff 1
# the smallest program the mutant thp-pad-off-by-one changes (model and clean impl agree on it)
r0 = mmap(NULL, 0x200000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
