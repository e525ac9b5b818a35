# mmdiff 1
# SEMANTICS §3.1 step 10i, §1.5: mm/mprotect.c: mprotect_fixup → mm/vma.c: vma_modify_flags — changing
# the middle page splits the VMA in three; changing it back re-merges all three (the unfaulted middle
# dropped VM_ACCOUNT when made read-only and gets it back when made writable, so the flags are equal
# again). A no-change mprotect is a no-op.
r0 = mmap(0x10000000, 0x3000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
mprotect(r0+0x1000, 0x1000, PROT_READ) = 0
#! p0 vmas r0..r0+0x1000 rw- account | r0+0x1000..r0+0x2000 r-- | r0+0x2000..r0+0x3000 rw- account
mprotect(r0+0x1000, 0x1000, PROT_READ|PROT_WRITE) = 0
#! p0 vmas r0..r0+0x3000 rw- account
mprotect(r0, 0x3000, PROT_READ|PROT_WRITE) = 0
#! p0 vmas r0..r0+0x3000 rw- account
mprotect(r0+0x1000, 0x2000, PROT_EXEC|PROT_READ) = 0
#! p0 vmas r0..r0+0x1000 rw- account | r0+0x1000..r0+0x3000 r-x
