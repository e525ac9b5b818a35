# mmdiff 1
# SEMANTICS §7 step 4, §4.2 brk row: mm/mmap.c: brk → do_vmi_align_munmap — shrinking over a sealed heap
# fails (EPERM internally) and brk returns the old value with nothing changed; growth next to a sealed heap
# VMA works and creates a new, unsealed VMA (flags differ, no merge).
r0 = brk(0x4cb000) = 0x4cb000
write(0x4c9000, 0x1) = 0
mseal(0x4c9000, 0x2000, 0) = 0
brk(0x4ca000) = 0x4cb000
brk(0x4c9000) = 0x4cb000
#! p0 vmas 0x4c9000..0x4cb000 rw- account sealed
#! p0 brk 0x4cb000
r1 = brk(0x4cd000) = 0x4cd000
#! p0 vmas 0x4c9000..0x4cb000 rw- account sealed | 0x4cb000..0x4cd000 rw- account
r2 = brk(0x4cc000) = 0x4cc000
#! p0 vmas 0x4c9000..0x4cb000 rw- account sealed | 0x4cb000..0x4cc000 rw- account
read(0x4c9000) = 0x1
