# mmdiff 1
# SEMANTICS §3.1 steps 9, 10a, 11 and "Partial update": mm/mprotect.c: do_mprotect_pkey — start in a hole
# → ENOMEM before any change; a hole after the first VMA → ENOMEM with the first VMA already changed;
# a range ending in a hole → ENOMEM after all VMAs in it were changed. (An unfaulted VMA made read-only
# drops VM_ACCOUNT: mprotect_fixup.)
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
r1 = mmap(0x10002000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10002000
mprotect(r0-0x1000, 0x2000, PROT_READ) = -ENOMEM
#! p0 vmas r0..r0+0x1000 rw- account | r1..r1+0x1000 rw- account
mprotect(r0, 0x3000, PROT_READ) = -ENOMEM
#! p0 vmas r0..r0+0x1000 r-- | r1..r1+0x1000 rw- account
mprotect(r1, 0x2000, PROT_NONE) = -ENOMEM
#! p0 vmas r0..r0+0x1000 r-- | r1..r1+0x1000 ---
write(r1, 0x1) = fault SIGSEGV SEGV_ACCERR
