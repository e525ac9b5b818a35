# mmdiff 1
# divergence: pkey_mprotect result -EINVAL/-EPERM
# class: result
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: op 2 pkey_mprotect: -EINVAL vs -EPERM
# seed: 1
# minimized: 21 -> 3 ops
# found: 2026-11-22T08:40:04.724Z
mmap(NULL, 0x2000, PROT_SEAL, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffd000
fork() = 1
p1: pkey_mprotect(0x7ffff7ffd000, 0x1000, PROT_SEAL, 0) = -EINVAL
