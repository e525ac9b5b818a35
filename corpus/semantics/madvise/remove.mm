# mmdiff 1
# SEMANTICS §5.2 REMOVE: mm/madvise.c: madvise_remove — needs a file mapping with VM_SHARED|VM_MAYWRITE:
# private anon → EINVAL; MAP_SHARED anon (shmem) → the hole is punched and the page reads 0 afterwards;
# VM_LOCKED → EINVAL.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x1) = 0
madvise(r0, 0x1000, MADV_REMOVE) = -EINVAL
read(r0) = 0x1
r1 = mmap(0x20000000, 0x2000, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
write(r1, 0x2) = 0
write(r1+0x1000, 0x3) = 0
madvise(r1, 0x1000, MADV_REMOVE) = 0
read(r1) = 0
read(r1+0x1000) = 0x3
r2 = mmap(0x30000000, 0x1000, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS|MAP_FIXED|MAP_LOCKED, -1, 0) = 0x30000000
madvise(r2, 0x1000, MADV_REMOVE) = -EINVAL
