# mmdiff 1
# machine ramSwap=0x1000000
# fork charges every VM_ACCOUNT VMA again (SEMANTICS §8): one larger than RAM + swap (16 MiB here; built
# by merging) fails the fork with ENOMEM. The VMAs copied before it went with their page tables: the
# parent's PTEs stay write-protected (SavedDirty); the child is torn down (its number is taken).
# mm/mmap.c: dup_mmap — `if (mpnt->vm_flags & VM_ACCOUNT) ... security_vm_enough_memory_mm(oldmm, len)`.
# Seen on the live kernel (fork() = -1 ENOMEM).
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x41) = 0
#! p0 pte r0 P RW US A D NX f0
r1 = mmap(0x20000000, 0x1000000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
r2 = mmap(0x21000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x21000000
#! p0 vmas r0..r0+0x1000 rw- account | r1..r1+0x1001000 rw- account
fork() = -ENOMEM
#! p1 alive 0
#! p0 pte r0 P US A SavedDirty NX f0
p1: read(r0) = -ESRCH
# a VM_DONTCOPY VMA is skipped before it is charged
madvise(r1, 0x1001000, MADV_DONTFORK) = 0
fork() = 2
p2: read(r0) = 0x41
