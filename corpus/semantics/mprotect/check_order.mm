# mmdiff 1
# SEMANTICS §3.1 steps 1-8: mm/mprotect.c: do_mprotect_pkey — (1) both PROT_GROWSDOWN and PROT_GROWSUP →
# EINVAL before the alignment check; (2) unaligned start → EINVAL even with len 0; (3) len 0 → 0 with no
# prot validation and no VMA lookup; (4) PAGE_ALIGN(len) wrapping end <= start → ENOMEM before prot
# validation; (5) prot bits outside READ|WRITE|EXEC|SEM → EINVAL before the VMA lookup; (8) no VMA → ENOMEM.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
mprotect(r0+0x1, 0, PROT_READ|PROT_GROWSDOWN|PROT_GROWSUP) = -EINVAL
mprotect(r0+0x1, 0, PROT_READ) = -EINVAL
mprotect(0x20000000, 0, 0x10) = 0
mprotect(0x20000001000, 0, PROT_READ) = 0
mprotect(r0, -1, 0x10) = -ENOMEM
mprotect(r0, -0x1000, PROT_READ) = -ENOMEM
mprotect(0x20000000, 0x1000, 0x10) = -EINVAL
mprotect(r0, 0x1000, PROT_READ|0x100) = -EINVAL
mprotect(0x20000000, 0x1000, PROT_READ) = -ENOMEM
#! p0 vmas r0..r0+0x2000 rw- account
mprotect(r0, 0x1000, PROT_READ|PROT_SEM) = 0
#! p0 vmas r0..r0+0x1000 r-- | r0+0x1000..r0+0x2000 rw- account
