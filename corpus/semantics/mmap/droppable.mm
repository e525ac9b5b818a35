# mmdiff 1
# SEMANTICS §1.1 check 21, §1.2 MAP_DROPPABLE: mm/mmap.c: do_mmap case MAP_DROPPABLE — with MAP_LOCKED or
# MAP_GROWSDOWN it is EINVAL; otherwise the VMA gets VM_DROPPABLE|VM_NORESERVE|VM_WIPEONFORK|VM_DONTDUMP
# (no VM_ACCOUNT: NORESERVE) and a fork child sees zero (§8 wipe-on-fork; no memory pressure: conventions).
mmap(NULL, 0x1000, PROT_READ|PROT_WRITE, MAP_DROPPABLE|MAP_ANONYMOUS|MAP_GROWSDOWN, -1, 0) = -EINVAL
mmap(NULL, 0x1000, PROT_READ|PROT_WRITE, MAP_DROPPABLE|MAP_ANONYMOUS|MAP_LOCKED, -1, 0) = -EINVAL
#! p0 vmas none
r0 = mmap(0x10000000, 0x1000, PROT_READ|PROT_WRITE, MAP_DROPPABLE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
#! p0 vmas r0..r0+0x1000 rw- wipeonfork dontdump noreserve droppable
write(r0, 0x1234) = 0
r1 = fork() = 1
p1: read(r0) = 0
read(r0) = 0x1234
#! p1 vmas r0..r0+0x1000 rw- wipeonfork dontdump noreserve droppable
