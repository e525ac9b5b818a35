# mmdiff 1
# SEMANTICS §6.1 step 7 (6.17+ move-only): mm/mremap.c: vrm_move_only, remap_move — MREMAP_FIXED with
# old_len == new_len moves every VMA in [addr, addr+old_len) to the same offset from new_addr, keeping the
# holes between them; a hole at the start of the range is EFAULT before anything (the destination is not
# unmapped).
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
r1 = mmap(0x10001000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10001000
r2 = mmap(0x10003000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10003000
write(r0, 0x1) = 0
write(r2, 0x3) = 0
r3 = mmap(0x20000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
mremap(r0-0x1000, 0x5000, 0x5000, MREMAP_MAYMOVE|MREMAP_FIXED, r3) = -EFAULT
#! p0 vmas r0..r0+0x1000 rw- account | r1..r1+0x1000 r-- | r2..r2+0x1000 rw- account | r3..r3+0x1000 r--
r4 = mremap(r0, 0x4000, 0x4000, MREMAP_MAYMOVE|MREMAP_FIXED, 0x30000000) = 0x30000000
#! p0 vmas r3..r3+0x1000 r-- | r4..r4+0x1000 rw- account | r4+0x1000..r4+0x2000 r-- | r4+0x3000..r4+0x4000 rw- account
read(r4) = 0x1
read(r4+0x3000) = 0x3
read(r4+0x2000) = fault SIGSEGV SEGV_MAPERR
read(r0) = fault SIGSEGV SEGV_MAPERR
