# mmdiff 1
# divergence: mprotect result -EACCES/-EPERM
# class: result
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: op 7 mprotect: -EACCES vs -EPERM
# seed: 1
# minimized: 24 -> 8 ops
# found: 2026-11-22T08:39:36.609Z
r0 = mmap(NULL, 0x1000, PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
r1 = trampfd_create(r0) = 3
trampfd_write_code(r1, 1, 10, r0) = 0
trampfd_write_data(r1, 19, r0) = 0
mmap(r0, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = 0x7ffff7ffd000
mmap(NULL, 0x1000, PROT_SEAL, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffc000
r2 = mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffb000
mprotect(r2, 0x4000, PROT_WRITE) = -EACCES
