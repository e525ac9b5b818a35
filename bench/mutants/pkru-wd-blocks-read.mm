# mmdiff 1
# the smallest program the mutant pkru-wd-blocks-read changes (model and clean impl agree on it)
r0 = pkey_alloc(0, PKEY_DISABLE_WRITE)
r1 = mmap(NULL, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
pkey_mprotect(r1, 0x1000, PROT_READ|PROT_WRITE, r0)
read(r1)
