# mmdiff 1
# SEMANTICS §11, as the RFC v2 code does it: trampfd_mmap tests prot only at mmap time, VM_MAYWRITE stays:
# mprotect(PROT_WRITE) is allowed and a write fault copies the page (mm/memory.c: do_cow_fault / wp_page_copy);
# the copy's bytes are what is executed, so a changed slot no longer runs as a trampoline.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
r1 = trampfd_create(r0) = 3
trampfd_write_code(r1, 3, 7, r0+0x1000) = 0
trampfd_write_data(r1, 8, r0+0x1800) = 0
write(r0+0x1008, 0x401000)
r2 = mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = 0x7ffff7ffe000
mprotect(r2, 0x1000, PROT_READ|PROT_WRITE|PROT_EXEC) = 0
#! p0 vmas r0..r0+0x2000 rw- account | r2..r2+0x1000 rwx account trampfd
#! p0 pte r2 none
write(r2+0x50, 0x1) = 0
#! p0 pte r2 P RW US A D page
read(r2) = 0x1000b848fa1e0ff3
exec(r2+0x28) = jump 0x401000 0x0
exec(r2+0x50) = 0
r3 = fork()
#! p1 pte r2 P US SavedDirty f2
p1: write(r2+0x28, 0x0) = 0
p1: exec(r2+0x28) = 0
exec(r2+0x28) = jump 0x401000 0x0
munmap(r2, 0x1000) = 0
p1: munmap(r2, 0x1000) = 0
r4 = mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = 0x7ffff7ffe000
read(r4+0x50) = 0x1010b848fa1e0ff3
