# mmdiff 1
# machine ramSwap=0x1000000
# Heuristic overcommit (vm.overcommit_memory=0, SEMANTICS §1.1 checks 27 and 28): one accountable
# request of more pages than RAM + swap is ENOMEM. mm/util.c: __vm_enough_memory, OVERCOMMIT_GUESS —
# `pages > totalram_pages() + total_swap_pages`. This machine: RAM + swap = 16 MiB = 0x1000 pages.
# Seen on the live kernel with its own MemTotal + SwapTotal (L pages): L+1 fails, L maps.
# mm/vma.c: __mmap_setup — accountable_mapping: private, writable, no MAP_NORESERVE
mmap(NULL, 0x1001000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -ENOMEM
mmap(NULL, 0x1001000, PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE, -1, 0) = -ENOMEM
#! p0 vmas none
# exactly RAM + swap is allowed (strictly greater fails)
r0 = mmap(NULL, 0x1000000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff6e00000
#! p0 vmas r0..r0+0x1000000 rw- account
munmap(r0, 0x1000000) = 0
# not accountable: read-only, MAP_NORESERVE (VM_NORESERVE), MAP_DROPPABLE (VM_NORESERVE)
r1 = mmap(NULL, 0x1001000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff6ffe000
r2 = mmap(NULL, 0x1001000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE, -1, 0) = 0x7ffff5ffd000
r3 = mmap(NULL, 0x1001000, PROT_READ|PROT_WRITE, MAP_DROPPABLE|MAP_ANONYMOUS, -1, 0) = 0x7ffff4ffc000
#! p0 vmas r3..r3+0x1001000 rw- noreserve wipeonfork dontdump droppable | r2..r2+0x1001000 rw- noreserve | r1..r1+0x1001000 r--
# mm/shmem.c: shmem_acct_size (from shmem_zero_setup) — a shared object charges its pages whatever
# its protection, unless MAP_NORESERVE
mmap(NULL, 0x1001000, PROT_NONE, MAP_SHARED|MAP_ANONYMOUS, -1, 0) = -ENOMEM
r4 = mmap(NULL, 0x1001000, PROT_READ, MAP_SHARED|MAP_ANONYMOUS|MAP_NORESERVE, -1, 0) = 0x7ffff3ffb000
r5 = mmap(NULL, 0x1000000, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0) = 0x7ffff2ffb000
#! p0 vmas r5..r5+0x1000000 rw- shared | r4..r4+0x1001000 r-- shared noreserve | r3..r3+0x1001000 rw- noreserve wipeonfork dontdump droppable | r2..r2+0x1001000 rw- noreserve | r1..r1+0x1001000 r--
