# mmdiff 1
# SEMANTICS §4.3 matrix, column "RW anon" (sealed): mm/madvise.c: can_madvise_modify — a sealed VMA that is
# VM_WRITE with PKRU allowing writes to its key may take discard advice; each then does its normal work
# (DONTNEED zaps: the page reads 0 again; DONTFORK/WIPEONFORK set their flags on the sealed VMA); REMOVE
# still fails its own check (private anon: EINVAL).
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x5) = 0
mseal(r0, 0x2000, 0) = 0
madvise(r0, 0x2000, MADV_DONTNEED) = 0
read(r0) = 0
madvise(r0, 0x2000, MADV_FREE) = 0
madvise(r0, 0x2000, MADV_REMOVE) = -EINVAL
madvise(r0, 0x2000, MADV_DONTNEED_LOCKED) = 0
madvise(r0, 0x2000, MADV_WIPEONFORK) = 0
madvise(r0, 0x2000, MADV_DONTFORK) = 0
#! p0 vmas r0..r0+0x2000 rw- dontfork wipeonfork account sealed
madvise(r0, 0x2000, MADV_GUARD_INSTALL) = 0
#! p0 pte r0 guard
madvise(r0, 0x2000, MADV_GUARD_REMOVE) = 0
madvise(r0, 0x2000, MADV_POPULATE_WRITE) = 0
