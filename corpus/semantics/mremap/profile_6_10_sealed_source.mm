# mmdiff 1
# SEMANTICS §4.4, 6.10 profile: mm/mremap.c (v6.10, "mseal: add mseal syscall") mremap_to —
# `if (!can_modify_mm(mm, addr, addr + old_len)) return -EPERM;` comes before
# `do_munmap(mm, new_addr, new_len, uf_unmap_early)`, and the syscall's shrink/expand path has the
# same up-front check: a source range [unsealed][sealed] is EPERM and nothing moves, the destination
# is not unmapped. (6.18 moves the unsealed piece first: mremap/move_only_multi_vma-style partial
# work, see mseal/.) Model and impl only (a 6.10 profile).
# machine profile=6.10
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
write(r0, 0x11) = 0
mseal(r0+0x1000, 0x1000, 0) = 0
r1 = mmap(0x20000000, 0x2000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
mremap(r0, 0x2000, 0x2000, MREMAP_MAYMOVE|MREMAP_FIXED, r1) = -EPERM
mremap(r0, 0x2000, 0x1000, 0, 0) = -EPERM
mremap(r0, 0x2000, 0x3000, MREMAP_MAYMOVE, 0) = -EPERM
#! p0 vmas r0..r0+0x1000 rw- account | r0+0x1000..r0+0x2000 rw- account sealed | r1..r1+0x2000 r--
read(r0) = 0x11
