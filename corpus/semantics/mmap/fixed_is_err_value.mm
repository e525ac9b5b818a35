# mmdiff 1
# SEMANTICS §1.1, corrected by the live 6.18 kernel (model,kernel campaign): mm/mmap.c: __get_unmapped_area
# returns a MAP_FIXED address as it is, and `if (IS_ERR_VALUE(addr)) return addr;` comes before the
# `addr > TASK_SIZE - len` check, so a fixed address in the last 4095 bytes of the address space is returned
# as the error -(2^64 - addr): -4095 has no errno name (written -E4095), -14 is EFAULT. One page lower is
# the ordinary ENOMEM; a hint there (no MAP_FIXED) is just ignored.
mmap(0xfffffffffffff001, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, -1, 0) = -E4095
mmap(0xfffffffffffffff2, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, -1, 0) = -EFAULT
mmap(0xfffffffffffff000, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, -1, 0) = -ENOMEM
mmap(0xffffffffffffffff, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_FIXED_NOREPLACE|MAP_ANONYMOUS, -1, 0) = -EPERM
mmap(0xfffffffffffffffe, 0x1000, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ffe000
