# mmdiff 1
# SEMANTICS §2 step 4-5: mm/vma.c: do_vmi_align_munmap — one munmap over several VMAs and the holes between
# them removes all of them (first and last partially: the ends are split off and kept) and zaps their PTEs.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
r1 = mmap(0x10004000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10004000
r2 = mmap(0x10008000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10008000
write(r0+0x1000, 0x1) = 0
write(r2, 0x2) = 0
write(r2+0x1000, 0x3) = 0
munmap(r0+0x1000, 0x8000) = 0
#! p0 vmas r0..r0+0x1000 rw- account | r2+0x1000..r2+0x2000 rw- account
#! p0 pte r0+0x1000 none
#! p0 pte r2 none
read(r2+0x1000) = 0x3
read(r1) = fault SIGSEGV SEGV_MAPERR
