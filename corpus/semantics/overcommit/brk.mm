# mmdiff 1
# machine ramSwap=0x1000000
# brk growth charges the new pages (SEMANTICS §7): more than RAM + swap (16 MiB here) fails, and a
# failing brk returns the old break. mm/vma.c: do_brk_flags — may_expand_vm, map_count, then
# security_vm_enough_memory_mm(mm, len >> PAGE_SHIFT) (mm/util.c: __vm_enough_memory). Seen on the live kernel.
r0 = brk(0) = 0x4c9000
brk(r0+0x1001000) = 0x4c9000
#! p0 vmas none
brk(r0+0x1000000) = 0x14c9000
#! p0 vmas r0..r0+0x1000000 rw- account
# each growth is charged on its own: the heap may grow past RAM + swap step by step
brk(r0+0x1800000) = 0x1cc9000
#! p0 vmas r0..r0+0x1800000 rw- account
#! p0 brk 0x1cc9000
