# mmdiff 1
# SEMANTICS §11 + docs/conventions.md (the trampfd VMA: R-X, VM_MAYWRITE kept, VM_DONTEXPAND): it never merges
# with its neighbour; mprotect to R or X alone works (X alone takes the execute-only pkey: reads SEGV_PKUERR);
# mm/mremap.c: check_prep_vma — growing a VM_DONTEXPAND VMA → EFAULT (in place or MAYMOVE), DONTUNMAP of it → EINVAL;
# a FIXED move asks trampfd_get_unmapped_area, which refuses MAP_FIXED (EINVAL); same size returns addr; mseal works.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
r1 = trampfd_create(r0) = 3
trampfd_write_code(r1, 3, 7, r0+0x1000) = 0
trampfd_write_data(r1, 8, r0+0x1800) = 0
r2 = mmap(r0+0x2000, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE, r1, 0x1000) = 0x10002000
mprotect(r0, 0x2000, PROT_READ|PROT_WRITE|PROT_EXEC) = 0
#! p0 vmas r0..r0+0x2000 rwx account | r2..r2+0x1000 r-x trampfd
mprotect(r2, 0x1000, PROT_READ) = 0
exec(r2) = fault SIGSEGV SEGV_ACCERR
mprotect(r2, 0x1000, PROT_EXEC) = 0
#! p0 vmas r0..r0+0x2000 rwx account | r2..r2+0x1000 --x pkey=1 trampfd
exec(r2) = jump 0x0 0x0
read(r2) = fault SIGSEGV SEGV_PKUERR
mprotect(r2, 0x1000, PROT_READ|PROT_EXEC) = 0
mremap(r2, 0x1000, 0x2000, 0, 0) = -EFAULT
mremap(r2, 0x1000, 0x2000, MREMAP_MAYMOVE, 0) = -EFAULT
mremap(r2, 0x1000, 0x1000, MREMAP_MAYMOVE|MREMAP_DONTUNMAP, 0x40000000) = -EINVAL
mremap(r2, 0x1000, 0x1000, MREMAP_MAYMOVE|MREMAP_FIXED, 0x40000000) = -EINVAL
mremap(r2, 0x1000, 0x1000, 0, 0) = 0x10002000
mseal(r2, 0x1000, 0) = 0
#! p0 vmas r0..r0+0x2000 rwx account | r2..r2+0x1000 r-x sealed trampfd
