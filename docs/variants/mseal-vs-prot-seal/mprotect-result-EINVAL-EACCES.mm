# mmdiff 1
# divergence: mprotect result -EINVAL/-EACCES
# class: result
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: op 6 mprotect: -EINVAL vs -EACCES
# seed: 1
# minimized: 18 -> 7 ops
# found: 2026-11-22T08:39:55.987Z
r0 = mmap(NULL, 0x1000, PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
r1 = trampfd_create(r0) = 3
trampfd_write_code(r1, 1, 9, r0) = 0
trampfd_write_data(r1, 20, r0) = 0
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = 0x7ffff7ffd000
mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffc000
mprotect(r0-0x2000, 0x2000, PROT_WRITE|PROT_SEAL) = -EINVAL
