# mmdiff 1
# SEMANTICS §11 + §8: kernel/fork.c: dup_mmap copies the VMA, not the PTE (a file VMA without anon_vma:
# copy_page_range skips it); both processes then map the same page (f2); each reads its own tables; the descriptor
# table is copied (EEXIST in both); the child's close does not close the parent's fd.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
r1 = trampfd_create(r0) = 3
trampfd_write_code(r1, 3, 7, r0+0x1000) = 0
trampfd_write_data(r1, 8, r0+0x1800) = 0
write(r0+0x1000, 0x401000)
r2 = mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000)
exec(r2)
r3 = fork()
#! p1 pte r2 none
p1: write(r0+0x1000, 0x777)
p1: exec(r2) = jump 0x777 0x0
exec(r2) = jump 0x401000 0x0
#! p0 pte r2 P US A f2
#! p1 pte r2 P US A f2
p1: trampfd_write_code(r1, 1, 7, r0) = -EEXIST
p1: close(r1) = 0
trampfd_write_code(r1, 1, 7, r0) = -EEXIST
