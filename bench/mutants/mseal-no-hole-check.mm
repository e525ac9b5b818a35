# mmdiff 1
# the smallest program the mutant mseal-no-hole-check changes (model and clean impl agree on it)
mseal(0x10000000, 0x1000, 0)
