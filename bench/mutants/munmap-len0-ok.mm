# mmdiff 1
# the smallest program the mutant munmap-len0-ok changes (model and clean impl agree on it)
munmap(0x10000000, 0)
