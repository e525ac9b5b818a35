# mmdiff 1
# divergence: read result SEGV_MAPERR/0
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 3 read: fault SIGSEGV SEGV_MAPERR vs 0x0
# seed: 1
# minimized: 23 -> 4 ops
# found: 2026-11-22T08:38:48.446Z
r0 = mmap(NULL, 0x4000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffb000
mseal(r0+0x2000, 0x1000, 0) = 0
mremap(r0+0x1000, 0x1001, 0x1001, MREMAP_MAYMOVE|MREMAP_FIXED, r0+0x4000) = -EPERM
read(r0+0x1000) = fault SIGSEGV SEGV_MAPERR
