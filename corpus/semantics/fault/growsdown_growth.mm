# mmdiff 1
# SEMANTICS §9.2 (no VMA → expand_stack if the next VMA is VM_GROWSDOWN): mm/mmap.c: expand_downwards — an
# access below a growsdown VMA grows it down to the faulting page; growth that would come within
# stack_guard_gap (1 MiB) of the end of a lower accessible VMA is refused (SEGV_MAPERR, VMA unchanged);
# an inaccessible (PROT_NONE) lower VMA does not block.
r0 = mmap(0x10200000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_GROWSDOWN, -1, 0) = 0x10200000
write(r0-0x8, 0x1) = 0
#! p0 vmas r0-0x1000..r0+0x1000 rw- growsdown account
read(r0-0x10000) = 0
#! p0 vmas r0-0x10000..r0+0x1000 rw- growsdown account
read(r0-0x8) = 0x1
r1 = mmap(0x10000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
read(0x10100000) = fault SIGSEGV SEGV_MAPERR
#! p0 vmas r1..r1+0x1000 r-- | r0-0x10000..r0+0x1000 rw- growsdown account
read(0x10101000) = 0
#! p0 vmas r1..r1+0x1000 r-- | 0x10101000..r0+0x1000 rw- growsdown account
r2 = mmap(0x20000000, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
r3 = mmap(0x20010000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_GROWSDOWN, -1, 0) = 0x20010000
read(0x20001000) = 0
#! p0 vmas r1..r1+0x1000 r-- | 0x10101000..r0+0x1000 rw- growsdown account | r2..r2+0x1000 --- | 0x20001000..r3+0x1000 rw- growsdown account
