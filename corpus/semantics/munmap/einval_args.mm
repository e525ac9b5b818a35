# mmdiff 1
# SEMANTICS §2 steps 1-2: mm/vma.c: do_vmi_munmap — offset_in_page(start), start > TASK_SIZE and
# len > TASK_SIZE - start are EINVAL; then len == 0 (after PAGE_ALIGN) is EINVAL, unlike mprotect/madvise/
# mseal. Nothing is unmapped by a failing call.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
munmap(r0+0x800, 0x1000) = -EINVAL
munmap(r0+0x1, 0) = -EINVAL
munmap(r0, 0) = -EINVAL
munmap(0x20000000, 0) = -EINVAL
munmap(0x800000000000, 0x1000) = -EINVAL
munmap(0x7ffffffff000, 0x1000) = -EINVAL
munmap(0x7fffffffe000, 0x2000) = -EINVAL
munmap(r0, -1) = -EINVAL
munmap(r0, 0x800000000000) = -EINVAL
#! p0 vmas r0..r0+0x2000 rw- account
