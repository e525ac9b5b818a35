# mmdiff 1
# mem_write(addr, v) = pwrite(open("/proc/self/mem"), &v, 8, addr) (docs/conventions.md "mem_write"):
# fs/proc/base.c: mem_rw -> mm/memory.c: __access_remote_vm -> get_user_pages_remote(FOLL_FORCE | FOLL_WRITE).
# mm/gup.c: check_vma_flags lets FOLL_FORCE write a private (COW) VMA without VM_WRITE; can_follow_write_pte
# uses a read-only PTE only for an exclusive anon page, else faultin_page write-faults:
# - never touched, PROT_READ: mm/memory.c: do_anonymous_page maps a new page and only `if (vma->vm_flags &
#   VM_WRITE) entry = pte_mkwrite(pte_mkdirty(entry), vma)` — a clean read-only PTE; the next forced write
#   goes straight to that exclusive page (no fault, PTE unchanged); CPU writes still fault;
# - the zero page (case (b) of the PTE encoding): do_wp_page -> wp_page_copy, `maybe_mkwrite(pte_mkdirty(entry),
#   vma)`: no VM_WRITE, so RW stays 0 and pte_mkdirty's Dirty goes to SavedDirty;
# - a page shared with a fork child: the same copy (SavedDirty); the child keeps the old contents;
# - the write itself goes through a kernel mapping of the page (copy_to_user_page): the PTE's A and D are not
#   touched, the folio is marked dirty (set_page_dirty_lock). So a MADV_FREE'd page written this way keeps a
#   clean PTE but is not discarded by reclaim (mm/rmap.c: try_to_unmap_one: folio_test_dirty -> remap and
#   folio_set_swapbacked), while the clean lazyfree page next to it is.
r0 = mmap(0x10000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
mem_write(r0, 0x1122334455667788) = 8
#! p0 pte r0 P US A NX page
read(r0) = 0x1122334455667788
mem_write(r0+0x8, 0x99) = 8
#! p0 pte r0 P US A NX f0
write(r0, 0x1) = fault SIGSEGV SEGV_ACCERR
r1 = mmap(0x10010000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10010000
read(r1) = 0
#! p0 pte r1 P US A NX Z
mem_write(r1, 0x42) = 8
#! p0 pte r1 P US A SavedDirty NX page
read(r1) = 0x42
r2 = mmap(0x10020000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10020000
write(r2, 0x5) = 0
r3 = fork() = 1
mprotect(r2, 0x1000, PROT_READ) = 0
#! p0 pte r2 P US A SavedDirty NX f2
#! p1 pte r2 P US SavedDirty NX f2
mem_write(r2, 0x6) = 8
#! p0 pte r2 P US A SavedDirty NX f2
#! p1 pte r2 P US SavedDirty NX f3
read(r2) = 0x6
p1: read(r2) = 0x5
r4 = mmap(0x10030000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10030000
write(r4, 0x7) = 0
write(r4+0x1000, 0x8) = 0
madvise(r4, 0x2000, MADV_FREE) = 0
mem_write(r4, 0x9) = 8
#! p0 pte r4 P RW US NX page
#! p0 pte r4+0x1000 P RW US NX page
madvise(r4, 0x2000, MADV_PAGEOUT) = 0
#! p0 pte r4+0x1000 none
read(r4) = 0x9
read(r4+0x1000) = 0
