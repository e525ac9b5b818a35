# mmdiff 1
# SEMANTICS §10.3, §1.3: include/linux/mm.h: vm_start_gap — one page below a VM_SHADOW_STACK VMA
# counts as taken for unmapped_area(_topdown), for a searched mmap and for a hint (the hint's page is refused, the
# search goes on below); MAP_FIXED_NOREPLACE checks only for an existing VMA and maps in the gap.
# machine shstk=1
r0 = map_shadow_stack(NULL, 0x1000, 0) = 0x7ffff7ffe000
mmap(NULL, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ffc000
mmap(0x7ffff7ffd000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ffb000
mmap(0x7ffff7ffd000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = 0x7ffff7ffd000
