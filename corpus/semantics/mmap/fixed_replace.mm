# mmdiff 1
# SEMANTICS §1.2 MAP_FIXED, §1.4, §1.5: mm/vma.c: __mmap_region (vms_gather_munmap_vmas, then
# vma_merge_new_range) — MAP_FIXED over the middle of an existing VMA replaces that range: its old page is
# gone (zero-filled again), the outer pages keep their contents, and the new identical-flag VMA merges
# with both remaining pieces back into one VMA.
r0 = mmap(0x10000000, 0x3000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x11) = 0
write(r0+0x1000, 0x22) = 0
write(r0+0x2000, 0x33) = 0
r1 = mmap(r0+0x1000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10001000
#! p0 pte r1 none
#! p0 vmas r0..r0+0x3000 rw- account
read(r0) = 0x11
read(r1) = 0
read(r0+0x2000) = 0x33
# replacing with a different prot splits instead
r2 = mmap(r0+0x2000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10002000
read(r2) = 0
#! p0 vmas r0..r0+0x2000 rw- account | r2..r2+0x1000 r--
