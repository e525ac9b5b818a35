# mmdiff 1
# divergence: mprotect result -ENOMEM/-EPERM
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 3 mprotect: -ENOMEM vs -EPERM
# seed: 1
# minimized: 21 -> 4 ops
# found: 2026-11-22T08:38:40.341Z
r0 = mmap(NULL, 0x8000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff7000
munmap(r0+0x2000, 0x1000) = 0
mseal(r0+0x5000, 0x1000, 0) = 0
mprotect(r0, 0x8000, PROT_NONE) = -ENOMEM
