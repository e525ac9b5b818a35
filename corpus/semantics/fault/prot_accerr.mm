# mmdiff 1
# SEMANTICS §9.2 access_error, §9.4, §3.3: arch/x86/mm/fault.c — any access to PROT_NONE is SEGV_ACCERR
# (nothing is mapped); a write to a read-only VMA is SEGV_ACCERR; an instruction fetch needs VM_EXEC: on a
# not-present page it first faults the page in as a read (zero page), then the fetch from the NX PTE is
# SEGV_ACCERR. PROT_WRITE-only memory is readable; PROT_READ|PROT_EXEC executes.
r0 = mmap(0x10000000, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
read(r0) = fault SIGSEGV SEGV_ACCERR
write(r0, 0x1) = fault SIGSEGV SEGV_ACCERR
exec(r0) = fault SIGSEGV SEGV_ACCERR
#! p0 pte r0 none
r1 = mmap(0x10010000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10010000
write(r1, 0x1) = fault SIGSEGV SEGV_ACCERR
#! p0 pte r1 none
exec(r1) = fault SIGSEGV SEGV_ACCERR
#! p0 pte r1 P US A NX Z
r2 = mmap(0x10020000, 0x1000, PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10020000
read(r2) = 0
write(r2, 0x2) = 0
read(r2) = 0x2
exec(r2) = fault SIGSEGV SEGV_ACCERR
r3 = mmap(0x10030000, 0x1000, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10030000
exec(r3) = 0
#! p0 pte r3 P US A Z
write(r3, 0x1) = fault SIGSEGV SEGV_ACCERR
