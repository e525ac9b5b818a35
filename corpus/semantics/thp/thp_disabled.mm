# mmdiff 1
# Machine thp=0 is PR_SET_THP_DISABLE (MMF_DISABLE_THP_COMPLETELY): mm/huge_memory.c: vma_thp_disabled
# refuses every order, so a fault in a VM_HUGEPAGE block maps one 4K page and MADV_COLLAPSE is EINVAL.
# machine thp=0 zeroPage=0
r0 = mmap(0x40000000, 0x200000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
madvise(r0, 0x200000, MADV_HUGEPAGE) = 0
write(r0+0x1008, 0x41) = 0
#! p0 pte r0+0x1000 P RW US A D NX page
#! p0 pte r0 none
madvise(r0, 0x200000, MADV_COLLAPSE) = -EINVAL
