# mmdiff 1
# divergence: mprotect result -EINVAL/-EPERM
# class: result
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: op 2 mprotect: -EINVAL vs -EPERM
# seed: 1
# minimized: 23 -> 3 ops
# found: 2026-11-22T08:40:17.125Z
fork() = 1
p1: mmap(0x7ffff7ffa000, 0xb000, PROT_SEAL, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffa000
p1: mprotect(0x7ffff8001000, 0x1000, PROT_SEAL) = -EINVAL
