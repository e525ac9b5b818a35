# mmdiff 1
# machine zeroPage=0
# mm/memory.c: do_anonymous_page — `if (!(vmf->flags & FAULT_FLAG_WRITE) && !mm_forbids_zeropage(mm))`
# uses the zero page; a kernel that forbids it (a PVM guest booted with pvm_no_zero_page=1, as
# the machines here are) allocates a zeroed exclusive page for a read as for a write, and then
# `if (vma->vm_flags & VM_WRITE) entry = pte_mkwrite(pte_mkdirty(entry), vma)`: in a writable
# VMA the read leaves the page writable and dirty, in a read-only one clean and read-only.
# Every read takes a frame of its own; a later write needs no fault to change the frame.
r0 = mmap(0x10000000, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x10000000
read(r0) = 0
read(r0+0x1008) = 0
#! p0 pte r0 P RW US A D NX f0
#! p0 pte r0+0x1000 P RW US A D NX f1
write(r0, 0x41) = 0
#! p0 pte r0 P RW US A D NX f0
r1 = mmap(0x20000000, 0x1000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x20000000
read(r1) = 0
#! p0 pte r1 P US A NX f2
# fork write-protects it as any dirty anonymous page (Dirty moves to SavedDirty; the child's copy is old)
r2 = fork() = 1
#! p1 pte r0+0x1000 P US SavedDirty NX f1
#! p0 pte r0+0x1000 P US A SavedDirty NX f1
