# mmdiff 1
# SEMANTICS §7 step 5: mm/mmap.c: brk, include/linux/mm.h: vm_start_gap — when the next VMA is
# VM_GROWSDOWN its start gap includes stack_guard_gap (1 MiB), so the heap must stay a page plus 1 MiB
# below it.
r0 = mmap(0x6c9000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_GROWSDOWN, -1, 0) = 0x6c9000
brk(0x5c9000) = 0x4c9000
brk(0x5c8000) = 0x5c8000
#! p0 vmas 0x4c9000..0x5c8000 rw- account | r0..r0+0x1000 rw- growsdown account
