# mmdiff 1
# SEMANTICS §4.3 (PKRU paragraph): mm/madvise.c: can_madvise_modify → arch_vma_access_permitted(vma,
# write=true) — a sealed writable anonymous VMA whose key PKRU write-disables is treated like read-only:
# DONTNEED → EPERM; with the key writable again it succeeds.
r0 = pkey_alloc(0, 0) = 1
r1 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
pkey_mprotect(r1, 0x1000, PROT_READ|PROT_WRITE, 1) = 0
write(r1, 0x3) = 0
mseal(r1, 0x1000, 0) = 0
wrpkru(0x55555558) = 0
madvise(r1, 0x1000, MADV_DONTNEED) = -EPERM
read(r1) = 0x3
wrpkru(0x55555554) = 0
madvise(r1, 0x1000, MADV_DONTNEED) = -EPERM
wrpkru(0x55555550) = 0
madvise(r1, 0x1000, MADV_DONTNEED) = 0
read(r1) = 0
