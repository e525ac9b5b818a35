# mmdiff 1
# SEMANTICS §8 ("Zero-page PTEs are copied as zero-page PTEs"), §9.4: mm/memory.c: copy_present_ptes — in a
# VMA with an anon_vma every present PTE is copied; a zero-page PTE stays a read-only zero-page PTE in both
# (the child's made old); a write in either process allocates a fresh zeroed page.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x1) = 0
read(r0+0x1000) = 0
r1 = fork() = 1
#! p0 pte r0+0x1000 P US A NX Z
#! p1 pte r0+0x1000 P US NX Z
p1: write(r0+0x1000, 0x5) = 0
#! p1 pte r0+0x1000 P RW US A D NX page
#! p0 pte r0+0x1000 P US A NX Z
read(r0+0x1000) = 0
p1: read(r0) = 0x1
