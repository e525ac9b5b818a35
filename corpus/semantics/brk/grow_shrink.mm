# mmdiff 1
# SEMANTICS §7: mm/mmap.c: SYSCALL_DEFINE1(brk), do_brk_flags — brk(0)/brk(1)/brk below start_brk return
# the current brk unchanged; growing creates (then extends) one rw- VM_ACCOUNT heap VMA and returns the
# requested value verbatim (unaligned values are stored; the VMA covers PAGE_ALIGN(brk)); a change within
# the same page only updates brk; shrinking unmaps [PAGE_ALIGN(new), PAGE_ALIGN(old)) (SEGV_MAPERR there),
# back to start_brk removes the heap VMA.
r0 = brk(NULL) = 0x4c9000
brk(0x1) = 0x4c9000
#! p0 vmas none
r1 = brk(0x4cb000) = 0x4cb000
#! p0 vmas 0x4c9000..0x4cb000 rw- account
write(0x4ca000, 0x7) = 0
r2 = brk(0x4cb064) = 0x4cb064
#! p0 vmas 0x4c9000..0x4cc000 rw- account
#! p0 brk 0x4cb064
r3 = brk(0x4cb800) = 0x4cb800
#! p0 vmas 0x4c9000..0x4cc000 rw- account
brk(0x4c8000) = 0x4cb800
#! p0 brk 0x4cb800
read(0x4ca000) = 0x7
r4 = brk(0x4ca000) = 0x4ca000
#! p0 vmas 0x4c9000..0x4ca000 rw- account
read(0x4ca000) = fault SIGSEGV SEGV_MAPERR
brk(0x4cb000) = 0x4cb000
read(0x4ca000) = 0
r5 = brk(0x4c9000) = 0x4c9000
#! p0 vmas none
#! p0 brk 0x4c9000
