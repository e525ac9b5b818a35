# mmdiff 1
# SEMANTICS §3.3, §3.5, §1.1 (prot == PROT_EXEC): arch/x86/mm/pkeys.c: __execute_only_pkey,
# __arch_override_mprotect_pkey — PROT_EXEC-only memory gets the mm's execute-only key (first free key,
# AD in PKRU): data reads and writes fault SEGV_PKUERR, fetches work. The key is marked allocated but is not
# usable through pkey_mprotect/pkey_free (mm_pkey_is_allocated excludes it). mprotect transitions:
# X→R gives key 0, R→X the exec-only key, X→RX key 0; a user key is lost on mprotect(X) and comes back only
# through pkey_mprotect.
r0 = mmap(0x10000000, 0x1000, PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
#! p0 vmas r0..r0+0x1000 --x pkey=1
#! p0 pkeys 0x3 | pkru 0x55555554
read(r0) = fault SIGSEGV SEGV_PKUERR
write(r0, 0x1) = fault SIGSEGV SEGV_PKUERR
exec(r0) = 0
pkey_mprotect(r0, 0x1000, PROT_READ, 1) = -EINVAL
pkey_free(1) = -EINVAL
mprotect(r0, 0x1000, PROT_READ) = 0
#! p0 vmas r0..r0+0x1000 r--
read(r0) = 0
mprotect(r0, 0x1000, PROT_EXEC) = 0
#! p0 vmas r0..r0+0x1000 --x pkey=1
read(r0) = fault SIGSEGV SEGV_PKUERR
mprotect(r0, 0x1000, PROT_READ|PROT_EXEC) = 0
#! p0 vmas r0..r0+0x1000 r-x
r1 = pkey_alloc(0, 0) = 2
pkey_mprotect(r0, 0x1000, PROT_READ, 2) = 0
#! p0 vmas r0..r0+0x1000 r-- pkey=2
mprotect(r0, 0x1000, PROT_EXEC) = 0
#! p0 vmas r0..r0+0x1000 --x pkey=1
mprotect(r0, 0x1000, PROT_READ) = 0
#! p0 vmas r0..r0+0x1000 r--
pkey_mprotect(r0, 0x1000, PROT_EXEC, 2) = 0
#! p0 vmas r0..r0+0x1000 --x pkey=2
read(r0) = 0
