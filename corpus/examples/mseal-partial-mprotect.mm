# mmdiff 1
# Linux 6.12+ checks seals per VMA inside mprotect's loop (mm/mprotect.c: mprotect_fixup),
# so mprotect over [unsealed][sealed] fails with EPERM after it already changed the
# unsealed part (SEMANTICS §3.1, key finding 1). 6.10 refused up front and changed nothing.
r0 = mmap(NULL, 0x3000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ffc000
mseal(r0+0x1000, 0x1000, 0) = 0
#! p0 vmas r0..r0+0x1000 rw- account | r0+0x1000..r0+0x2000 rw- account sealed | r0+0x2000..r0+0x3000 rw- account
mprotect(r0, 0x3000, PROT_READ) = -EPERM
#! p0 vmas r0..r0+0x1000 r-- | r0+0x1000..r0+0x2000 rw- account sealed | r0+0x2000..r0+0x3000 rw- account
r1 = fork() = 1
p1: write(r0, 0x41) = fault SIGSEGV SEGV_ACCERR
p1: write(r0+0x2000, 0x41) = 0
p1: read(r0+0x2000) = 0x41
read(r0+0x2000) = 0
