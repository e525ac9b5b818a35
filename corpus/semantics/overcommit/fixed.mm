# mmdiff 1
# machine ramSwap=0x1000000
# MAP_FIXED over accounted memory (SEMANTICS §1.4, check 27): __mmap_setup charges the new pages less
# the VM_ACCOUNT pages it replaces (`map->charged = map->pglen - vms->nr_accounted`), after the gather
# split what it replaces. When overcommit refuses (RAM + swap = 16 MiB here), vms_abort_munmap_vmas
# reattaches the gathered VMAs (their PTEs were not cleared yet) but the splits stay.
# mm/vma.c: __mmap_setup, vms_abort_munmap_vmas; mm/util.c: __vm_enough_memory. Seen on the live kernel.
r0 = mmap(0x10000000, 0x4000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0+0x1000, 0x41) = 0
# 0x1002 pages replacing 3 accounted ones: 0xfff charged
mmap(r0+0x1000, 0x1002000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10001000
#! p0 vmas r0..r0+0x1003000 rw- account
#! p0 pte r0+0x1000 none
munmap(r0, 0x1003000) = 0
r1 = mmap(0x10000000, 0x4000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r1+0x1000, 0x41) = 0
# 0x1004 pages replacing 3: 0x1001 charged, refused; the split at r1+0x1000 stays, the page too
mmap(r1+0x1000, 0x1004000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -ENOMEM
#! p0 vmas r1..r1+0x1000 rw- account | r1+0x1000..r1+0x4000 rw- account
read(r1+0x1000) = 0x41
# inside a larger read-only VMA: split at both ends, refused, three VMAs left
r2 = mmap(0x20000000, 0x2000000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
mmap(r2+0x1000, 0x1001000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -ENOMEM
#! p0 vmas r1..r1+0x1000 rw- account | r1+0x1000..r1+0x4000 rw- account | r2..r2+0x1000 r-- | r2+0x1000..r2+0x1002000 r-- | r2+0x1002000..r2+0x2000000 r--
# a shared object is charged later, in shmem_zero_setup, after what it replaces was cleared: a gap stays
# (mm/vma.c: __mmap_new_vma -> mm/shmem.c: shmem_zero_setup -> shmem_acct_size)
mmap(r1+0x1000, 0x1001000, PROT_READ, MAP_SHARED|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -ENOMEM
#! p0 vmas r1..r1+0x1000 rw- account | r2..r2+0x1000 r-- | r2+0x1000..r2+0x1002000 r-- | r2+0x1002000..r2+0x2000000 r--
