# mmdiff 1
# SEMANTICS §1.3 steps 2-3: include/linux/mm.h: vm_start_gap, mm/vma.c: unmapped_area_topdown — a
# VM_GROWSDOWN VMA keeps stack_guard_gap (1 MiB) free below it: the top-down search places a new map
# below vm_start - 1 MiB, and a hint inside that gap is ignored; a hint below the gap is honoured.
r0 = mmap(0x7ffff7ffe000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_GROWSDOWN, -1, 0) = 0x7ffff7ffe000
r1 = mmap(NULL, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7efd000
r2 = mmap(0x7ffff7f80000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7efc000
r3 = mmap(0x7ffff7e00000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7e00000
#! p0 vmas r3..r3+0x1000 r-- | r2..r1+0x1000 r-- | r0..r0+0x1000 rw- growsdown account
