# mmdiff 1
# SEMANTICS §3.1 step 10i (accounting), §1.5 merge rules, key finding 8: mm/mprotect.c: mprotect_fixup —
# a private VMA made read-only keeps VM_ACCOUNT if it has an anon_vma (was write-faulted) and then does not
# merge with a read-only neighbour; an unfaulted one drops VM_ACCOUNT and merges.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x1) = 0
mprotect(r0, 0x1000, PROT_READ) = 0
r1 = mmap(0x10001000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10001000
#! p0 vmas r0..r0+0x1000 r-- account | r1..r1+0x1000 r--
r2 = mmap(0x20000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
read(r2) = 0
mprotect(r2, 0x1000, PROT_READ) = 0
r3 = mmap(0x20001000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20001000
#! p0 vmas r0..r0+0x1000 r-- account | r1..r1+0x1000 r-- | r2..r2+0x2000 r--
read(r0) = 0x1
