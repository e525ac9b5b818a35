# mmdiff 1
# divergence: write result 0/SEGV_MAPERR
# class: result
# targets: model@6.18,model@6.10 (expectations are model@6.18's results)
# detail: op 4 write: 0x0 vs fault SIGSEGV SEGV_MAPERR
# seed: 1
# minimized: 20 -> 5 ops
# found: 2026-11-22T08:38:47.349Z
mmap(0x10007000, 0x10000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x10007000
r0 = mmap(0x10010000, 0x2000, PROT_WRITE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, 0, 0) = 0x10010000
mseal(r0+0x2000, 0x1000, 0) = 0
r1 = mremap(0x1000f000, 0xd000, 0xd000, MREMAP_MAYMOVE|MREMAP_FIXED, NULL) = -EPERM
write(r1+0x2000, 0) = 0
