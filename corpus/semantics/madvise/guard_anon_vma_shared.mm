# mmdiff 1
# SEMANTICS §1.5/§5.2, corrected by the live 6.18 kernel (model,kernel campaign): mm/rmap.c: anon_vma_compatible
# ignores VM_IGNORE_MERGE, which holds the sticky VM_MAYBE_GUARD, so a write fault below a guarded VMA reuses
# its anon_vma (find_mergeable_anon_vma); a later mprotect then merges the two and the merged VMA keeps `guard`
# (VM_STICKY); splitting it again (mprotect PROT_NONE of the upper page) leaves `guard` on both halves.
r0 = mmap(NULL, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffe000
madvise(r0, 0x1000, MADV_GUARD_INSTALL) = 0
r1 = mmap(NULL, 0x2000, PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, 0, 0) = 0x7ffff7ffc000
write(r0-0x2000, 0) = 0
mprotect(r0-0x1000, 0x1000, PROT_READ|PROT_WRITE) = 0
mprotect(r1+0x2000, 0x1000, PROT_NONE) = 0
#! p0 vmas r1..r1+0x1000 -w- account | r1+0x1000..r0 rw- account guard | r0..r0+0x1000 --- account guard
