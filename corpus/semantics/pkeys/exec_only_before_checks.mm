# mmdiff 1
# SEMANTICS §1.1 ("prot == PROT_EXEC ⇒ pkey = execute_only_pkey(mm)" between check 10 and check 11):
# mm/mmap.c: do_mmap computes vm_flags (and so allocates the execute-only key) before __get_unmapped_area,
# so a PROT_EXEC mmap that then fails (unaligned MAP_FIXED: EINVAL) has already allocated the key;
# a failure before that point (len 0) has not.
mmap(NULL, 0, PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -EINVAL
#! p0 pkeys 0x1
mmap(0x10000800, 0x1000, PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -EINVAL
#! p0 pkeys 0x3 | pkru 0x55555554
#! p0 vmas none
r0 = pkey_alloc(0, 0) = 2
