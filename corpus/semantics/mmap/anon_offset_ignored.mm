# mmdiff 1
# SEMANTICS §1.2 first item: mm/mmap.c: do_mmap case MAP_PRIVATE — the offset of an anonymous mapping is
# ignored (any page-aligned value, even -4096, is accepted; pgoff := addr >> 12), so two adjacent anonymous
# mappings made with different offsets still merge (§1.5 pgoff continuity).
r0 = mmap(0x10000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0x1000) = 0x10000000
r1 = mmap(0x10001000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, -0x1000) = 0x10001000
r2 = mmap(0x10002000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0x7000) = 0x10002000
#! p0 vmas r0..r0+0x3000 r--
