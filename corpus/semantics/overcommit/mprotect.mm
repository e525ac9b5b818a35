# mmdiff 1
# machine ramSwap=0x1000000
# mprotect making a private VMA writable charges the pages of the range inside that VMA (VM_ACCOUNT):
# more than RAM + swap (16 MiB here) is ENOMEM, before the VMA is split (SEMANTICS §3.1).
# mm/mprotect.c: mprotect_fixup — `!(oldflags & (VM_ACCOUNT|VM_WRITE|VM_HUGETLB|VM_SHARED|VM_NORESERVE))`:
# security_vm_enough_memory_mm(mm, nrpages) -> mm/util.c: __vm_enough_memory. Seen on the live kernel.
r0 = mmap(0x10000000, 0x1001000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
mprotect(r0, 0x1001000, PROT_READ|PROT_WRITE) = -ENOMEM
pkey_mprotect(r0, 0x1001000, PROT_WRITE, 0) = -ENOMEM
#! p0 vmas r0..r0+0x1001000 r--
# the part of the VMA in range is what is charged
mprotect(r0+0x1000, 0x1000000, PROT_READ|PROT_WRITE) = 0
#! p0 vmas r0..r0+0x1000 r-- | r0+0x1000..r0+0x1001000 rw- account
# each VMA is charged on its own: two of 16 MiB each
r1 = mmap(0x20000000, 0x1000000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
r2 = mmap(0x21000000, 0x1000000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_NORESERVE, -1, 0) = 0x21000000
mprotect(r1, 0x2000000, PROT_READ|PROT_WRITE) = 0
#! p0 vmas r0..r0+0x1000 r-- | r0+0x1000..r0+0x1001000 rw- account | r1..r1+0x1000000 rw- account | r2..r2+0x1000000 rw- noreserve
# an earlier VMA of the range is changed when a later one is refused
r3 = mmap(0x30000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x30000000
r4 = mmap(0x30001000, 0x1001000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_STACK, -1, 0) = 0x30001000
mprotect(r3, 0x1002000, PROT_READ|PROT_WRITE) = -ENOMEM
#! p0 vmas r0..r0+0x1000 r-- | r0+0x1000..r0+0x1001000 rw- account | r1..r1+0x1000000 rw- account | r2..r2+0x1000000 rw- noreserve | r3..r3+0x1000 rw- account | r4..r4+0x1001000 r-- nohugepage
# shared memory is never charged by mprotect (it was at mmap)
r5 = mmap(0x40000000, 0x1001000, PROT_READ, MAP_SHARED|MAP_ANONYMOUS|MAP_NORESERVE, -1, 0) = 0x40000000
mprotect(r5, 0x1001000, PROT_READ|PROT_WRITE) = 0
