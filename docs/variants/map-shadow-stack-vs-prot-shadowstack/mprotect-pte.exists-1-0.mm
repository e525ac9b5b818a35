# mmdiff 1
# machine shstk=1
# divergence: mprotect pte.exists 1/0
# class: pte
# targets: model@map-shadow-stack,model@prot-shadowstack (expectations are model@map-shadow-stack's results)
# detail: p0 0x7ffff7ffe000: A PROTNONE frame=Z vs (none)
# seed: 1
# minimized: 16 -> 2 ops
# found: 2026-11-22T08:40:52.612Z
r0 = mmap(NULL, 0x1000, PROT_READ|PROT_SHADOWSTACK, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE, 0, 0) = 0x7ffff7ffe000
mprotect(r0, 0x1000, PROT_NONE) = 0
