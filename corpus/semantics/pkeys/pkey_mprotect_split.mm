# mmdiff 1
# SEMANTICS §3.4 pkey_mprotect, §3.1 step 10c: mm/mprotect.c: do_mprotect_pkey — pkey_mprotect sets the
# key of part of a VMA (split like mprotect); a later plain mprotect keeps each VMA's key
# (VM_FLAGS_CLEAR then arch_override_mprotect_pkey → vma_pkey); pkey_mprotect with key 0 over the whole
# range makes the pieces equal again and they merge.
r0 = pkey_alloc(0, 0) = 1
r1 = mmap(0x10000000, 0x3000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
pkey_mprotect(r1+0x1000, 0x1000, PROT_READ|PROT_WRITE, 1) = 0
#! p0 vmas r1..r1+0x1000 rw- account | r1+0x1000..r1+0x2000 rw- pkey=1 account | r1+0x2000..r1+0x3000 rw- account
mprotect(r1, 0x3000, PROT_READ) = 0
#! p0 vmas r1..r1+0x1000 r-- | r1+0x1000..r1+0x2000 r-- pkey=1 | r1+0x2000..r1+0x3000 r--
pkey_mprotect(r1, 0x3000, PROT_READ, 0) = 0
#! p0 vmas r1..r1+0x3000 r--
