# mmdiff 1
# the smallest program the mutant growsdown-no-guard-gap changes (model and clean impl agree on it)
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
r1 = mmap(0x10010000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_GROWSDOWN, -1, 0)
read(0x1000f000)
