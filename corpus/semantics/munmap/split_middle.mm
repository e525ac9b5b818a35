# mmdiff 1
# SEMANTICS §2 steps 4-5: mm/vma.c: vms_gather_munmap_vmas, vms_complete_munmap_vmas — unmapping the middle
# of a VMA splits it in two; the removed page faults SEGV_MAPERR, the others keep their contents; len is
# rounded up (len 1 = one page). Re-mapping the hole gives zero-filled memory that merges back (§1.5).
r0 = mmap(0x10000000, 0x3000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x11) = 0
write(r0+0x1000, 0x22) = 0
write(r0+0x2000, 0x33) = 0
munmap(r0+0x1000, 1) = 0
#! p0 vmas r0..r0+0x1000 rw- account | r0+0x2000..r0+0x3000 rw- account
#! p0 pte r0+0x1000 none
read(r0+0x1000) = fault SIGSEGV SEGV_MAPERR
write(r0+0x1000, 0x44) = fault SIGSEGV SEGV_MAPERR
read(r0) = 0x11
read(r0+0x2000) = 0x33
r1 = mmap(r0+0x1000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = 0x10001000
read(r1) = 0
#! p0 vmas r0..r0+0x3000 rw- account
