# mmdiff 1
# transparent_hugepage/enabled = madvise (this host): only a VMA with VM_HUGEPAGE gets a THP at fault
# (include/linux/huge_mm.h: thp_vma_allowable_orders — huge_anon_orders_inherit needs VM_HUGEPAGE when
# the global setting is madvise); VM_NOHUGEPAGE wins (vma_thp_disabled). A block the VMA does not cover
# whole takes 4K pages (thp_vma_suitable_order).
# machine zeroPage=0
r0 = mmap(0x40000000, 0x400000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
write(r0+0x1008, 0x41) = 0
#! p0 pte r0+0x1000 P RW US A D NX page
#! p0 pte r0 none
madvise(r0+0x200000, 0x200000, MADV_NOHUGEPAGE) = 0
write(r0+0x200008, 0x42) = 0
#! p0 pte r0+0x200000 P RW US A D NX page
r1 = mmap(0x40601000, 0x1ff000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40601000
madvise(r1, 0x1ff000, MADV_HUGEPAGE) = 0
write(r1, 0x43) = 0
#! p0 pte r1 P RW US A D NX page
#! p0 pte r1+0x1000 none
