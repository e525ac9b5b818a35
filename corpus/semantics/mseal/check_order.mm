# mmdiff 1
# SEMANTICS §4.1 steps 1-5: mm/mseal.c: do_mseal — (1) flags != 0 → EINVAL (flags is unsigned long: bit 32
# counts), before alignment; (2) unaligned start → EINVAL even with len 0; (3) len that PAGE_ALIGNs to 0
# → EINVAL; (4) start + len wrapping → EINVAL; all before the unmapped-range check (an unmapped start gets
# EINVAL, not ENOMEM); (5) len 0 → 0 with no lookup.
r0 = mmap(0x10000000, 0x2000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
mseal(r0, 0x1000, 1) = -EINVAL
mseal(r0+0x1, 0x1000, 1) = -EINVAL
mseal(r0, 0x1000, 0x100000000) = -EINVAL
mseal(r0+0x1, 0, 0) = -EINVAL
mseal(0x20000000, -1, 0) = -EINVAL
mseal(r0, -0x2000, 0) = -EINVAL
mseal(0x20000000, 0, 0) = 0
mseal(r0, 0, 0) = 0
#! p0 vmas r0..r0+0x2000 r--
