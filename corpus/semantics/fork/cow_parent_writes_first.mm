# mmdiff 1
# SEMANTICS §8 [C6.18 "if the parent writes first while the child is alive the parent gets the copy"]:
# mm/memory.c: do_wp_page, wp_can_reuse_anon_folio — a page mapped by two processes is copied by whichever
# writes first; the other keeps the original frame and later reuses it without a copy.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x1) = 0
r1 = fork() = 1
write(r0, 0x2) = 0
#! p0 pte r0 P RW US A D NX f0
#! p1 pte r0 P US SavedDirty NX f1
p1: read(r0) = 0x1
p1: write(r0, 0x3) = 0
#! p1 pte r0 P RW US A D NX f1
read(r0) = 0x2
p1: read(r0) = 0x3
