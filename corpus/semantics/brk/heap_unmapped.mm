# mmdiff 1
# SEMANTICS §7 step 4: mm/mmap.c: brk — the shrink path looks for the brk VMA in [newbrk, oldbrk); when the
# user munmapped the heap there is none and brk fails (returns the old brk); growth from there creates a
# fresh heap VMA above the hole.
r0 = brk(0x4cc000) = 0x4cc000
munmap(0x4ca000, 0x2000) = 0
brk(0x4cb000) = 0x4cc000
#! p0 brk 0x4cc000
#! p0 vmas 0x4c9000..0x4ca000 rw- account
r1 = brk(0x4cd000) = 0x4cd000
#! p0 vmas 0x4c9000..0x4ca000 rw- account | 0x4cc000..0x4cd000 rw- account
