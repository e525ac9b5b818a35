# mmdiff 1
# SEMANTICS §11 (no sharing across address spaces) + docs/conventions.md: fork copies the descriptor table (same
# trampfds) and the trampfd VMA, as a file VMA without PTEs; the child's exec faults in the same page (one frame per
# trampfd) and reads the tables in its own memory. Descriptor writes work from any holder of the fd (EEXIST once
# set). close keeps the mapping; the child's copy survives the parent's munmap (exit removes it). Once the creator
# closed its descriptor it cannot map the trampfd again (EBADF), and a child holding one is not the creator
# (EINVAL). (Mapping again once the creator's VMA went: mmap_checks.mm, mapped_state.mm.)
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
r1 = trampfd_create(r0) = 3
trampfd_write_code(r1, 1, 7, r0+0x100) = 0
write(r0+0x100, 0x401000) = 0
r2 = fork() = 1
p1: trampfd_write_data(r1, 8, r0+0x200) = 0
trampfd_write_data(r1, 8, r0+0x200) = -EEXIST
r3 = mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = 0x7ffff7ffe000
exec(r3) = jump 0x401000 0
#! p0 pte r3 P US A f1
r4 = fork() = 2
#! p2 vmas r0..r0+0x1000 rw- account | r3..r3+0x1000 r-x trampfd
#! p2 pte r3 none
p2: write(r0+0x100, 0x402000) = 0
p2: write(r0+0x200, 0x7) = 0
p2: exec(r3) = jump 0x402000 0x7
#! p2 pte r3 P US A f1
exec(r3) = jump 0x401000 0
close(r1) = 0
exec(r3) = jump 0x401000 0
munmap(r3, 0x1000) = 0
mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EBADF
p2: mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EINVAL
p2: exec(r3) = jump 0x402000 0x7
p2: exit(0) = 0
p1: mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = -EINVAL
p1: close(r1) = 0
p1: close(r1) = -EBADF
#! p0 vmas r0..r0+0x1000 rw- account
