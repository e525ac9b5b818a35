# mmdiff 1
# SEMANTICS §8 (reuse sets RW|D, same PFN), §10.5 (pte_mkwrite moves SavedDirty back to D): mm/memory.c:
# wp_page_reuse — once the child has copied the page away (its own write), the parent's write-protected
# page is exclusive and the parent's write fault reuses it in place: P RW US A D NX, SavedDirty gone,
# same frame, content kept.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x1) = 0
r1 = fork() = 1
p1: write(r0, 0x2) = 0
#! p0 pte r0 P US A SavedDirty NX f0
write(r0+0x8, 0x3) = 0
#! p0 pte r0 P RW US A D NX f0
read(r0) = 0x1
read(r0+0x8) = 0x3
