# mmdiff 1
# SEMANTICS §1.4, §4.2 mmap rows: mm/vma.c: __mmap_setup → vms_gather_munmap_vmas — MAP_FIXED over a sealed
# VMA is EPERM, also with the identical prot and for a range that only partly covers it; a range that
# starts inside an unsealed VMA leaves that VMA split; MAP_FIXED_NOREPLACE over it is EEXIST.
r0 = mmap(0x10000000, 0x4000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
mseal(r0+0x2000, 0x2000, 0) = 0
mmap(r0+0x2000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -EPERM
mmap(r0+0x3000, 0x2000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -EPERM
mmap(r0, 0x4000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -EPERM
#! p0 vmas r0..r0+0x2000 rw- account | r0+0x2000..r0+0x4000 rw- account sealed
mmap(r0+0x1000, 0x2000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -EPERM
#! p0 vmas r0..r0+0x1000 rw- account | r0+0x1000..r0+0x2000 rw- account | r0+0x2000..r0+0x4000 rw- account sealed
mmap(r0+0x2000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = -EEXIST
