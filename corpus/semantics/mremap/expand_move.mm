# mmdiff 1
# SEMANTICS §6.2 expand with MAYMOVE, move_vma: mm/mremap.c: vrm_set_new_addr, move_vma — a blocked
# expansion with MREMAP_MAYMOVE moves the VMA to an address chosen like a hint-less mmap (top-down below
# mmap_base), taking the page tables along (same frame, same contents) and unmapping the old range
# (SEGV_MAPERR afterwards). The flags (incl. VM_ACCOUNT) go with it.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
r1 = mmap(0x10001000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10001000
write(r0, 0x42) = 0
#! p0 pte r0 P RW US A D NX f0
r2 = mremap(r0, 0x1000, 0x3000, MREMAP_MAYMOVE, NULL) = 0x7ffff7ffc000
#! p0 vmas r1..r1+0x1000 r-- | r2..r2+0x3000 rw- account
#! p0 pte r2 P RW US A D NX f0
read(r2) = 0x42
read(r2+0x2000) = 0
read(r0) = fault SIGSEGV SEGV_MAPERR
