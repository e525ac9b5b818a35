# mmdiff 1
# SEMANTICS §8 (copy_present_pte, do_wp_page): mm/memory.c — fork write-protects the writable private
# PTEs in both processes (Dirty moves to SavedDirty, the child's PTE is old: A=0) and both map the same
# frame; a write by the child copies (new frame, RW|D), after which the parent's page is exclusive again
# and the parent's write reuses the same frame (RW|D restored, no copy). Reads never copy.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x11) = 0
write(r0+0x1000, 0x22) = 0
r1 = fork() = 1
#! p0 pte r0 P US A SavedDirty NX f0
#! p0 pte r0+0x1000 P US A SavedDirty NX f1
#! p1 pte r0 P US SavedDirty NX f0
#! p1 pte r0+0x1000 P US SavedDirty NX f1
p1: read(r0+0x1000) = 0x22
#! p1 pte r0+0x1000 P US A SavedDirty NX f1
p1: write(r0, 0x33) = 0
#! p0 pte r0 P US A SavedDirty NX f0
#! p1 pte r0 P RW US A D NX f2
write(r0, 0x44) = 0
#! p0 pte r0 P RW US A D NX f0
#! p1 pte r0 P RW US A D NX f2
read(r0) = 0x44
p1: read(r0) = 0x33
read(r0+0x1000) = 0x22
#! p0 vmas r0..r0+0x2000 rw- account
#! p1 vmas r0..r0+0x2000 rw- account
