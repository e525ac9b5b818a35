# mmdiff 1
# mem_write's results (docs/conventions.md "mem_write"): fs/read_write.c: ksys_pwrite64 — `if (pos < 0) return
# -EINVAL` (an address >= 2^63); mm/memory.c: __access_remote_vm writes page by page and returns the bytes done,
# so a word whose second page fails writes only its first part (3 bytes here), and fs/proc/base.c: mem_rw turns
# "nothing written" into -EIO: no VMA (a hole, the top of the address space, the kernel half), mm/gup.c:
# check_vma_flags refusing a forced write through a shared mapping without VM_WRITE (`!is_cow_mapping`), a guard
# marker (handle_mm_fault: VM_FAULT_SIGSEGV -> -EFAULT). Not an error: PROT_NONE memory (FOLL_FORCE; the
# PROTNONE entry is followed, gup_can_follow_protnone), a key whose PKRU bits deny access (a foreign access,
# arch_vma_access_permitted), and an address below a VM_GROWSDOWN VMA: __access_remote_vm calls expand_stack.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
mem_write(0x8000000000000000, 0x1) = -EINVAL
mem_write(-8, 0x1) = -EINVAL
mem_write(0x20000000, 0x1) = -EIO
mem_write(0x7ffffffff000, 0x1) = -EIO
mem_write(r0+0xffd, 0x102030405060708) = 3
read(r0+0xff8) = 0x607080000000000
r1 = mmap(0x10010000, 0x1000, PROT_READ, MAP_SHARED|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10010000
mem_write(r1, 0x1) = -EIO
r2 = mmap(0x10020000, 0x1000, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10020000
mem_write(r2, 0x22) = 8
read(r2) = 0x22
madvise(r0, 0x1000, MADV_GUARD_INSTALL) = 0
mem_write(r0, 0x1) = -EIO
r3 = mmap(0x10030000, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10030000
mem_write(r3, 0x33) = 8
#! p0 pte r3 A PROTNONE page
read(r3) = fault SIGSEGV SEGV_ACCERR
mprotect(r3, 0x1000, PROT_READ) = 0
read(r3) = 0x33
r4 = mmap(0x10040000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10040000
r5 = pkey_alloc(0, PKEY_DISABLE_ACCESS) = 1
pkey_mprotect(r4, 0x1000, PROT_READ|PROT_WRITE, r5) = 0
mem_write(r4, 0x44) = 8
read(r4) = fault SIGSEGV SEGV_PKUERR
wrpkru(0) = 0
read(r4) = 0x44
r6 = mmap(0x10400000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_GROWSDOWN, -1, 0) = 0x10400000
mem_write(r6-0x1ffc, 0x55) = 8
#! p0 vmas r0..r0+0x1000 rw- account guard | r1..r1+0x1000 r-- shared | r2..r2+0x1000 rw- shared | r3..r3+0x1000 r-- | r4..r4+0x1000 rw- pkey=1 account | r6-0x2000..r6+0x1000 rw- growsdown account
read(r6-0x1ffc) = 0x55
