# mmdiff 1
# SEMANTICS §11, as the RFC v2 code does it: trampfd_mmap (patch 1/4, fs/trampfd/trampfd_map.c) only tests
# `(vma->vm_flags & VM_WRITE) || !(VM_READ) || !(VM_EXEC)` at mmap time and never clears VM_MAYWRITE; do_mmap's
# MAP_PRIVATE case keeps it too (the file is anon_inode_getfile(..., O_RDWR)). So mm/mprotect.c: do_mprotect_pkey's
# `(newflags & ~(newflags >> 4)) & VM_ACCESS_FLAGS` passes and mprotect may add PROT_WRITE; mprotect_fixup charges
# the private mapping (VM_ACCOUNT); pte_modify keeps the page read-only (private: COW). A write then is a write
# fault on a private file page: mm/memory.c: do_wp_page -> wp_page_copy makes a private anonymous copy (RW D); the
# trampfd's page stays as it was for other mappings (a fork child made before the write faults it in). Execution
# runs the bytes there: a slot whose 40 bytes are unchanged is still the trampoline, a changed one is a plain fetch
# (docs/conventions.md). Once the VMA has an anon_vma, fork copies its PTEs (mm/memory.c: vma_needs_copy).
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0+0x100, 0x401000) = 0
write(r0+0x108, 0x402000) = 0
write(r0+0x200, 0xd0) = 0
write(r0+0x208, 0xd1) = 0
r1 = trampfd_create(r0+0x800) = 3
trampfd_write_code(r1, 2, 7, r0+0x100) = 0
trampfd_write_data(r1, 8, r0+0x200) = 0
r2 = mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = 0x7ffff7ffe000
read(r2) = 0x100b848fa1e0ff3
mprotect(r2, 0x1000, PROT_READ|PROT_WRITE|PROT_EXEC) = 0
#! p0 vmas r0..r0+0x1000 rw- account | r2..r2+0x1000 rwx account trampfd
#! p0 pte r2 P US A f1
exec(r2) = jump 0x401000 0xd0
r3 = fork() = 1
#! p1 pte r2 none
write(r2+0x48, 0) = 0
#! p0 pte r2 P RW US A D f1
exec(r2) = jump 0x401000 0xd0
exec(r2+0x28) = 0
read(r2+0x40) = 0xff401b8b48000000
read(r2+0x48) = 0
p1: exec(r2+0x28) = jump 0x402000 0xd1
p1: read(r2+0x48) = 0x1f0fe0
#! p1 pte r2 P US A f2
mprotect(r2, 0x1000, PROT_READ|PROT_EXEC) = 0
#! p0 pte r2 P US A SavedDirty f1
r4 = fork() = 2
#! p2 pte r2 P US SavedDirty f1
p2: exec(r2) = jump 0x401000 0xd0
p2: exec(r2+0x28) = 0
munmap(r2, 0x1000) = 0
#! p0 vmas r0..r0+0x1000 rw- account
#! p2 pte r2 P US A SavedDirty f2
