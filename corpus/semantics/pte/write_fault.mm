# mmdiff 1
# SEMANTICS §9.4 (write to a never-touched page; write to a zero-page PTE): mm/memory.c: do_anonymous_page,
# do_wp_page → wp_page_copy — the first write allocates a zeroed page mapped P RW US A D NX
# (maybe_mkwrite(pte_mkdirty)); a write after a read replaces the zero-page PTE by a fresh page with the
# same bits. Executable VMAs have no NX.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x1) = 0
#! p0 pte r0 P RW US A D NX f0
read(r0+0x1000) = 0
#! p0 pte r0+0x1000 P US A NX Z
write(r0+0x1000, 0x2) = 0
#! p0 pte r0+0x1000 P RW US A D NX f1
r1 = mmap(0x20000000, 0x1000, PROT_READ|PROT_WRITE|PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
write(r1, 0x3) = 0
#! p0 pte r1 P RW US A D page
