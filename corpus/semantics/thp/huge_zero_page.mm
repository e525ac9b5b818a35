# mmdiff 1
# The huge zero page (machine zeroPage=1; not this host, whose kernel forbids the zero page): a read
# fault in a VM_HUGEPAGE block maps the huge zero folio (mm/huge_memory.c: do_huge_pmd_anonymous_page,
# use_zero_page=1: set_huge_zero_folio — vm_page_prot, no RW, no D) after vmf_anon_prepare; a write to
# it replaces it with a new zeroed THP (do_huge_pmd_wp_page -> do_huge_zero_wp_pmd, 6.14+: RW D); an
# mprotect of one 4K page splits another into 512 zero-page PTEs (__split_huge_zero_page_pmd).
r0 = mmap(0x40000000, 0x400000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x40000000
madvise(r0, 0x400000, MADV_HUGEPAGE) = 0
read(r0+0x1008) = 0
#! p0 pte r0 P US A PSE NX Z
#! p0 pte r0+0x1ff000 P US A PSE NX Z
write(r0+0x2008, 0x42) = 0
#! p0 pte r0 P RW US A D PSE NX f0
#! p0 pte r0+0x2000 P RW US A D PSE NX f2
read(r0+0x200000) = 0
mprotect(r0+0x201000, 0x1000, PROT_READ) = 0
#! p0 pte r0+0x200000 P US A NX Z
#! p0 pte r0+0x201000 P US A NX Z
#! p0 pte r0+0x3ff000 P US A NX Z
write(r0+0x200008, 0x43) = 0
#! p0 pte r0+0x200000 P RW US A D NX page
#! p0 pte r0+0x3ff000 P US A NX Z
