# mmdiff 1
# A trampfd VMA written through /proc/self/mem (mem_write), as a debugger patches code: mm/gup.c: check_vma_flags
# lets FOLL_FORCE write the private VMA without VM_WRITE (the RFC v2 trampfd_mmap keeps VM_MAYWRITE, so it is a COW
# mapping; writable_file_mapping_allowed holds without FOLL_LONGTERM). The write fault is mm/memory.c: do_cow_fault
# (no PTE yet: trampfd_fault's page, copied) or do_wp_page -> wp_page_copy (a read-only PTE): a private anon copy,
# `maybe_mkwrite(pte_mkdirty(entry), vma)` — no VM_WRITE, so RW=0 with SavedDirty. The trampfd's page is not
# touched: a fork child made before sees the original slot. The patched slot is no longer trampfd_code_fill's
# bytes: exec there is a plain fetch; the slot left alone still runs.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0+0x100, 0x401000) = 0
write(r0+0x108, 0x402000) = 0
r1 = trampfd_create(r0+0x800) = 3
trampfd_write_code(r1, 2, 7, r0+0x100) = 0
trampfd_write_data(r1, 8, r0+0x200) = 0
r2 = mmap(NULL, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = 0x7ffff7ffe000
r3 = fork() = 1
exec(r2+0x28) = jump 0x402000 0
#! p0 pte r2 P US A f1
mem_write(r2+0x28, 0xcc) = 8
#! p0 pte r2 P US A SavedDirty f1
read(r2+0x28) = 0xcc
exec(r2+0x28) = 0
exec(r2) = jump 0x401000 0
p1: exec(r2+0x28) = jump 0x402000 0
#! p1 pte r2 P US A f2
mem_write(r2+0x30, 0x1) = 8
#! p0 pte r2 P US A SavedDirty f1
