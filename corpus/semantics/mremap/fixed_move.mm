# mmdiff 1
# SEMANTICS §6.2 mremap_to: mm/mremap.c: mremap_to, move_vma — MREMAP_FIXED moves to new_addr after first
# unmapping [new_addr, new_addr+new_len) (an existing mapping there is replaced); a piece of a VMA can be
# moved (the source is split); with new_len < old_len the source is shrunk first.
r0 = mmap(0x10000000, 0x3000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x1) = 0
write(r0+0x1000, 0x2) = 0
write(r0+0x2000, 0x3) = 0
r1 = mmap(0x20000000, 0x2000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
r2 = mremap(r0+0x1000, 0x1000, 0x1000, MREMAP_MAYMOVE|MREMAP_FIXED, r1) = 0x20000000
#! p0 vmas r0..r0+0x1000 rw- account | r0+0x2000..r0+0x3000 rw- account | r1..r1+0x1000 rw- account | r1+0x1000..r1+0x2000 r--
read(r1) = 0x2
read(r1+0x1000) = 0
read(r0+0x1000) = fault SIGSEGV SEGV_MAPERR
r3 = mremap(r0+0x2000, 0x1000, 0x2000, MREMAP_MAYMOVE|MREMAP_FIXED, 0x30000000) = 0x30000000
#! p0 vmas r0..r0+0x1000 rw- account | r1..r1+0x1000 rw- account | r1+0x1000..r1+0x2000 r-- | r3..r3+0x2000 rw- account
read(r3) = 0x3
read(r3+0x1000) = 0
