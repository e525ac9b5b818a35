# mmdiff 1
# the smallest program the mutant pkey-free-unallocated changes (model and clean impl agree on it)
pkey_free(1)
