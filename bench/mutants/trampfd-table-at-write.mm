# mmdiff 1
# the smallest program the mutant trampfd-table-at-write changes (model and clean impl agree on it)
r0 = mmap(NULL, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
r1 = trampfd_create(r0)
trampfd_write_code(r1, 1, 7, r0+0x800)
trampfd_write_data(r1, 8, r0+0x808)
write(r0+0x800, 0x401000)
r2 = mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000)
exec(r2)
