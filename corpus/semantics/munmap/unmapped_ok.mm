# mmdiff 1
# SEMANTICS §2 step 3: mm/vma.c: do_vmi_munmap — a range with no VMA in it returns 0 and changes nothing,
# also at address 0; gaps inside a range are not errors.
r0 = mmap(0x10000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
munmap(0x20000000, 0x1000) = 0
munmap(NULL, 0x1000) = 0
munmap(r0+0x1000, 0x10000) = 0
#! p0 vmas r0..r0+0x1000 r--
