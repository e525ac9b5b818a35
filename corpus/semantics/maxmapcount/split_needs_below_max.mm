# mmdiff 1
# SEMANTICS §1.6, §3.1 step 10i: mm/vma.c: split_vma — a split needs map_count < max_map_count, else
# ENOMEM. mprotect of the middle of a VMA needs two splits: with one slot left the first split happens and
# stays, the second fails (ENOMEM, prot unchanged); a change at the VMA's end needs one split.
# machine maxMapCount=3
r0 = mmap(0x10000000, 0x3000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
r1 = mmap(0x20000000, 0x3000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
mprotect(r0+0x1000, 0x1000, PROT_READ) = -ENOMEM
#! p0 vmas r0..r0+0x1000 rw- account | r0+0x1000..r0+0x3000 rw- account | r1..r1+0x3000 rw- account
mprotect(r1+0x2000, 0x1000, PROT_READ) = -ENOMEM
mprotect(r0+0x1000, 0x2000, PROT_READ) = 0
mprotect(r0, 0x3000, PROT_READ) = 0
#! p0 vmas r0..r0+0x3000 r-- | r1..r1+0x3000 rw- account
mprotect(r1+0x2000, 0x1000, PROT_READ) = 0
#! p0 vmas r0..r0+0x3000 r-- | r1..r1+0x2000 rw- account | r1+0x2000..r1+0x3000 r--
