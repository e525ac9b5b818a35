# mmdiff 1
# SEMANTICS §9.4 (do_anonymous_page, read): mm/memory.c — a read of an untouched private anonymous page maps
# the shared zero page with vm_page_prot: P US A NX and RW=0 even in a writable VMA; every such page maps
# the same zero frame; nothing is dirty.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
read(r0) = 0
read(r0+0x1008) = 0
#! p0 pte r0 P US A NX Z
#! p0 pte r0+0x1000 P US A NX Z
r1 = mmap(0x20000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
read(r1) = 0
#! p0 pte r1 P US A NX Z
