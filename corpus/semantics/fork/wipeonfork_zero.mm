# mmdiff 1
# SEMANTICS §8 (VM_WIPEONFORK): mm/mmap.c: dup_mmap — a WIPEONFORK VMA is copied without its anon_vma and
# without page tables: the child sees zero-filled memory, keeps the flag, and the parent is unaffected
# (its PTE is not write-protected either).
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x9) = 0
madvise(r0, 0x1000, MADV_WIPEONFORK) = 0
r1 = fork() = 1
#! p1 vmas r0..r0+0x1000 rw- wipeonfork account
#! p1 pte r0 none
#! p0 pte r0 P RW US A D NX page
p1: read(r0) = 0
read(r0) = 0x9
