# mmdiff 1
# the smallest program the mutant brk-shrink-seal changes (model and clean impl agree on it)
brk(0x4cb000)
mseal(0x4c9000, 0x2000, 0)
brk(0x4ca000)
