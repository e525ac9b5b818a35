# mmdiff 1
# SEMANTICS §6.1 step 8 ("duplicate" only for shared mappings): mm/mremap.c: check_prep_vma — old_len 0 on
# a MAP_SHARED (shmem) mapping creates a second mapping of the same pages (here at a FIXED address): a
# write through one is seen through the other; the source stays mapped.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x5) = 0
r1 = mremap(r0, 0, 0x1000, MREMAP_MAYMOVE|MREMAP_FIXED, 0x20000000) = 0x20000000
read(r1) = 0x5
write(r1, 0x6) = 0
read(r0) = 0x6
#! p0 vmas r0..r0+0x1000 rw- shared | r1..r1+0x1000 rw- shared
