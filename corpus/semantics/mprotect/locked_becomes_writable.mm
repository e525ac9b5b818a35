# mmdiff 1
# SEMANTICS §3.1 step 10i (last clause), §1.1 (VM_LOCKED populates): mm/mprotect.c: mprotect_fixup —
# a private VM_LOCKED VMA that becomes writable is populated with write faults right away (COW broken:
# the zero-page PTEs from the locked read-only populate become fresh writable pages) and gets VM_ACCOUNT.
r0 = mmap(0x10000000, 0x2000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_LOCKED, -1, 0) = 0x10000000
#! p0 pte r0 P US A NX Z
#! p0 pte r0+0x1000 P US A NX Z
mprotect(r0, 0x2000, PROT_READ|PROT_WRITE) = 0
#! p0 pte r0 P RW US A D NX f0
#! p0 pte r0+0x1000 P RW US A D NX f1
#! p0 vmas r0..r0+0x2000 rw- locked account
read(r0) = 0
