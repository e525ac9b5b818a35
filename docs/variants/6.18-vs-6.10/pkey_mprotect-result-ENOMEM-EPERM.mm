# mmdiff 1
# divergence: pkey_mprotect result -ENOMEM/-EPERM
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 4 pkey_mprotect: -ENOMEM vs -EPERM
# seed: 1
# minimized: 24 -> 5 ops
# found: 2026-11-22T08:38:44.978Z
r0 = mmap(NULL, 0xa000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff5000
mseal(r0+0x7000, 0x1000, 0) = 0
r1 = mmap(NULL, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ff4000
munmap(0x7ffff7ff6000, 0x1000) = 0
pkey_mprotect(r1, 0xd000, PROT_NONE, 0) = -ENOMEM
