# mmdiff 1
# SEMANTICS §11 "mappable once", as the RFC v2 code does it (patch 1/4, fs/trampfd/trampfd_map.c): trampfd_mmap
# refuses `if (trampfd->mapped) rc = -EEXIST` and sets `trampfd->mapped = true`; trampfd_close — the vm_ops->close
# of *every* VMA of the file — does `__free_pages(trampfd->page, 0); trampfd->page = NULL; trampfd->mapped =
# false`. So the mapped state is the file's, cleared when the creator's mapping goes: a fork child's copy does
# not keep the creator from mapping again (the child keeps its PTE's page; the creator's next fault fills a new
# one, trampfd_fault). And the child's copy going (exit) clears it too, although the creator's new mapping
# exists: the creator then maps the file a second time in one address space — the code does not keep the cover
# letter's "can only be mmapped once in an address space" (docs/conventions.md).
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0+0x100, 0x401000) = 0
write(r0+0x200, 0xd0) = 0
r1 = trampfd_create(r0+0x800) = 3
trampfd_write_code(r1, 1, 7, r0+0x100) = 0
trampfd_write_data(r1, 8, r0+0x200) = 0
r2 = mmap(0x30000000, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = 0x30000000
exec(r2) = jump 0x401000 0xd0
r3 = fork() = 1
p1: exec(r2) = jump 0x401000 0xd0
#! p1 pte r2 P US A f1
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EEXIST
munmap(r2, 0x1000) = 0
r4 = mmap(0x30000000, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = 0x30000000
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EEXIST
exec(r4) = jump 0x401000 0xd0
#! p0 pte r4 P US A f1
#! p1 pte r2 P US A f2
p1: exec(r2) = jump 0x401000 0xd0
p1: exit(0) = 0
r5 = mmap(0x30001000, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = 0x30001000
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EEXIST
exec(r5) = jump 0x401000 0xd0
exec(r4) = jump 0x401000 0xd0
#! p0 vmas r0..r0+0x1000 rw- account | r4..r4+0x1000 r-x trampfd | r5..r5+0x1000 r-x trampfd
#! p0 pte r4 P US A f1
#! p0 pte r5 P US A f2
