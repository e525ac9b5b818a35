# mmdiff 1
# SEMANTICS §10.3, §1.3: arch/x86/kernel/shstk.c: alloc_shstk maps with MAP_ABOVE4G;
# arch_get_unmapped_area_topdown: low_limit 4 GiB, and when nothing is free between 4 GiB and mmap_base the
# bottom-up fallback arch_get_unmapped_area (from TASK_UNMAPPED_BASE, vm_flags 0: no start gap) is used.
# machine shstk=1 mmapBase=0x100002000
mmap(NULL, 0x3000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0xfffff000
map_shadow_stack(NULL, 0x3000, 0) = 0x2aaaaaaab000
map_shadow_stack(NULL, 0x1000, 0) = 0x2aaaaaaae000
