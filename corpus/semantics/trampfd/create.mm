# mmdiff 1
# SEMANTICS §11 "System call" + docs/conventions.md: trampfd_create(info) — NULL → EINVAL; the 16-byte
# struct trampfd_info {ntrampolines 102, code_size 40, code_offset 4096, reserved 0} is copied to info like
# copy_to_user: as kernel writes, page by page (read-only, unmapped, kernel-half, shadow-stack or write-disabled
# pages → EFAULT; bytes on an earlier page stay written; a fault below a growsdown VMA grows it); only then is
# the descriptor allocated: the lowest free one from 3 (a failure allocates none).
# machine shstk=1
r0 = mmap(0x10000000, 0x3000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
mprotect(r0+0x1000, 0x1000, PROT_READ) = 0
trampfd_create(NULL) = -EINVAL
trampfd_create(r0+0x1000) = -EFAULT
trampfd_create(0x20000000) = -EFAULT
trampfd_create(0xffff888000000000) = -EFAULT
trampfd_create(0x800000000000) = -EFAULT
r1 = map_shadow_stack(NULL, 0x1000, 0) = 0x7ffff7ffe000
trampfd_create(r1) = -EFAULT
#! p0 pte r1 none
trampfd_create(r0+0xff8) = -EFAULT
read(r0+0xff8) = 0x2800000066
#! p0 pte r0 P RW US A D NX page
r2 = trampfd_create(r0) = 3
read(r0) = 0x2800000066
read(r0+8) = 0x1000
r3 = trampfd_create(r0+0x2004) = 4
read(r0+0x2000) = 0x6600000000
read(r0+0x2008) = 0x100000000028
read(r0+0x2010) = 0
close(r2) = 0
r4 = trampfd_create(r0+0x2020) = 3
r5 = pkey_alloc(0, PKEY_DISABLE_WRITE) = 1
pkey_mprotect(r0+0x2000, 0x1000, PROT_READ|PROT_WRITE, r5) = 0
trampfd_create(r0+0x2040) = -EFAULT
read(r0+0x2040) = 0
r6 = mmap(0x30000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_GROWSDOWN, -1, 0) = 0x30000000
r7 = trampfd_create(r6-0x10) = 5
read(r6-0x10) = 0x2800000066
#! p0 vmas r0..r0+0x1000 rw- account | r0+0x1000..r0+0x2000 r-- | r0+0x2000..r0+0x3000 rw- pkey=1 account | r6-0x1000..r6+0x1000 rw- growsdown account | r1..r1+0x1000 rw- account shadow_stack
