# mmdiff 1
# divergence: mremap result -ENOMEM/-EFAULT
# class: result
# targets: model@mseal,model@prot-seal (expectations are model@mseal's results)
# detail: op 2 mremap: -ENOMEM vs -EFAULT
# seed: 1
# minimized: 24 -> 3 ops
# found: 2026-11-22T08:40:17.133Z
r0 = mmap(NULL, 0x2000, PROT_READ|PROT_SEAL, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffd000
mmap(r0, 0x2000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffb000
mremap(r0-0x2000, 0x3000, 0x4000, 0, NULL) = -ENOMEM
