# mmdiff 1
# SEMANTICS §11 "System call" + docs/conventions.md: copy_to_user of trampfd_info page by page — the first page's
# bytes stay written when the second page is read-only (EFAULT); a read-only info page faults nothing in; no
# descriptor is allocated by a failed create.
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
r1 = mmap(0x10001000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
trampfd_create(r0+0xff8) = -EFAULT
read(r0+0xff8) = 0x2800000066
#! p0 pte r1 none
r2 = mmap(0x20000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
trampfd_create(r2) = -EFAULT
#! p0 pte r2 none
trampfd_create(r0) = 3
