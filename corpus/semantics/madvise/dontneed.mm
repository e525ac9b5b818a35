# mmdiff 1
# SEMANTICS §5.2 DONTNEED: mm/madvise.c: madvise_dontneed_single_vma — zaps the PTEs (private anon: the next
# read maps the zero page, the content is gone); the VMA is unchanged; on MAP_SHARED anon (shmem) only the
# mapping is dropped and the content stays. Works on read-only and PROT_NONE VMAs too.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x11) = 0
write(r0+0x1000, 0x22) = 0
madvise(r0+0x1000, 0x1000, MADV_DONTNEED) = 0
#! p0 pte r0+0x1000 none
#! p0 vmas r0..r0+0x2000 rw- account
read(r0) = 0x11
read(r0+0x1000) = 0
#! p0 pte r0+0x1000 P US A NX Z
r1 = mmap(0x20000000, 0x1000, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
write(r1, 0x33) = 0
madvise(r1, 0x1000, MADV_DONTNEED) = 0
#! p0 pte r1 none
read(r1) = 0x33
r2 = mmap(0x30000000, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x30000000
madvise(r2, 0x1000, MADV_DONTNEED) = 0
