# mmdiff 1
# SEMANTICS §3.4 ("PKRU is per-thread, inherited by fork"), §8 (pkey bits copied with vm_flags):
# arch/x86/include/asm/mmu_context.h: arch_dup_pkeys — the child starts with the parent's PKRU, its
# key-allocation bitmap (and execute-only key) and VMAs tagged with the same keys; afterwards the two
# processes allocate and change PKRU independently.
r0 = pkey_alloc(0, PKEY_DISABLE_WRITE) = 1
r1 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
pkey_mprotect(r1, 0x1000, PROT_READ|PROT_WRITE, 1) = 0
r2 = mmap(0x10010000, 0x1000, PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10010000
r3 = fork() = 1
#! p1 pkru 0x55555558 | pkeys 0x7
#! p1 vmas r1..r1+0x1000 rw- pkey=1 account | r2..r2+0x1000 --x pkey=2
p1: write(r1, 0x1) = fault SIGSEGV SEGV_PKUERR
p1: read(r2) = fault SIGSEGV SEGV_PKUERR
p1: pkey_alloc(0, 0) = 3
p1: wrpkru(0x55555550) = 0
p1: write(r1, 0x1) = 0
#! p0 pkru 0x55555558 | pkeys 0x7
write(r1, 0x2) = fault SIGSEGV SEGV_PKUERR
r4 = pkey_alloc(0, 0) = 3
p1: pkey_mprotect(r1, 0x1000, PROT_READ, 2) = -EINVAL
