# mmdiff 1
# SEMANTICS §3.1 step 9: mm/mprotect.c: do_mprotect_pkey — with PROT_GROWSDOWN the first VMA intersecting
# [start,end) must be VM_GROWSDOWN (else EINVAL) and start moves down to its vm_start; a range with no VMA
# is ENOMEM. PROT_GROWSUP needs a VM_GROWSUP VMA, which x86 never has (EINVAL), after the start-in-hole
# ENOMEM check.
r0 = mmap(0x10010000, 0x4000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_GROWSDOWN, -1, 0) = 0x10010000
mprotect(r0+0x2000, 0x1000, PROT_READ|PROT_GROWSDOWN) = 0
#! p0 vmas r0..r0+0x3000 r-- growsdown | r0+0x3000..r0+0x4000 rw- growsdown account
mprotect(r0-0x2000, 0x3000, PROT_GROWSDOWN) = 0
#! p0 vmas r0..r0+0x1000 --- growsdown | r0+0x1000..r0+0x3000 r-- growsdown | r0+0x3000..r0+0x4000 rw- growsdown account
mprotect(r0-0x3000, 0x1000, PROT_READ|PROT_GROWSDOWN) = -ENOMEM
r1 = mmap(0x20000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
mprotect(r1+0x1000, 0x1000, PROT_READ|PROT_GROWSDOWN) = -EINVAL
mprotect(r1, 0x1000, PROT_READ|PROT_GROWSUP) = -EINVAL
mprotect(r1-0x1000, 0x2000, PROT_READ|PROT_GROWSUP) = -ENOMEM
#! p0 vmas r0..r0+0x1000 --- growsdown | r0+0x1000..r0+0x3000 r-- growsdown | r0+0x3000..r0+0x4000 rw- growsdown account | r1..r1+0x2000 rw- account
