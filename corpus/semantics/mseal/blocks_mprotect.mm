# mmdiff 1
# SEMANTICS §4.2 mprotect row, §3.1 step 10i + "Partial update", key findings 1 and 3: mm/mprotect.c:
# mprotect_fixup — the seal check is per VMA, before the no-change shortcut: [unsealed][sealed] → EPERM with
# the unsealed VMA already changed; sealed first → nothing changed; an identical prot on a sealed VMA is
# EPERM too; pkey_mprotect likewise; [unsealed][hole][sealed] → ENOMEM (the hole is met first).
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
mseal(r0+0x1000, 0x1000, 0) = 0
mprotect(r0, 0x2000, PROT_READ) = -EPERM
#! p0 vmas r0..r0+0x1000 r-- | r0+0x1000..r0+0x2000 rw- account sealed
mprotect(r0+0x1000, 0x1000, PROT_READ|PROT_WRITE) = -EPERM
pkey_mprotect(r0+0x1000, 0x1000, PROT_READ|PROT_WRITE, 0) = -EPERM
r1 = mmap(0x20000000, 0x2000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
mseal(r1, 0x1000, 0) = 0
mprotect(r1, 0x2000, PROT_NONE) = -EPERM
#! p0 vmas r0..r0+0x1000 r-- | r0+0x1000..r0+0x2000 rw- account sealed | r1..r1+0x1000 r-- sealed | r1+0x1000..r1+0x2000 r--
r2 = mmap(0x30000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x30000000
r3 = mmap(0x30002000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x30002000
mseal(r3, 0x1000, 0) = 0
mprotect(r2, 0x3000, PROT_READ) = -ENOMEM
#! p0 vmas r0..r0+0x1000 r-- | r0+0x1000..r0+0x2000 rw- account sealed | r1..r1+0x1000 r-- sealed | r1+0x1000..r1+0x2000 r-- | r2..r2+0x1000 r-- | r3..r3+0x1000 rw- account sealed
write(r0+0x1000, 0x1) = 0
write(r0, 0x1) = fault SIGSEGV SEGV_ACCERR
