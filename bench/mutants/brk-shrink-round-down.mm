# mmdiff 1
# the smallest program the mutant brk-shrink-round-down changes (model and clean impl agree on it)
brk(0x4cb000)
brk(0x4c9800)
