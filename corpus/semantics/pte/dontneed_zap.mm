# mmdiff 1
# SEMANTICS §5.2 DONTNEED (zaps the PTEs; the anon page is freed when its last mapping goes), §8: after fork
# a DONTNEED in the child drops only the child's PTE; the parent keeps the frame (still write-protected
# until its next write, which then reuses it).
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x1) = 0
r1 = fork() = 1
p1: madvise(r0, 0x1000, MADV_DONTNEED) = 0
#! p1 pte r0 none
#! p0 pte r0 P US A SavedDirty NX f0
p1: read(r0) = 0
#! p1 pte r0 P US A NX Z
write(r0, 0x2) = 0
#! p0 pte r0 P RW US A D NX f0
