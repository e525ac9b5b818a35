# mmdiff 1
# SEMANTICS §10.7, §8 (parent writes first): after fork the parent's shadow-stack store faults while the frame is
# still mapped twice, so the parent gets the copy and the child keeps the original frame (write-protected until
# its own shadow-stack access, which then reuses it). A fork child that exits leaves the parent's PTE
# write-protected; the parent's next access reuses the frame.
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK) = 0
call(0x401000) = 0
r0 = fork() = 1
call(0x401100) = 0
#! p0 pte 0x7ffff7dff000 P US A D SavedDirty NX f0
#! p1 pte 0x7ffff7dff000 P US SavedDirty NX f1
p1: call(0x402000) = 0
#! p1 pte 0x7ffff7dff000 P US A D SavedDirty NX f1
p1: read(0x7ffff7dffff0) = 0x402000
read(0x7ffff7dffff0) = 0x401100
r1 = fork() = 2
p2: exit(0) = 0
#! p0 pte 0x7ffff7dff000 P US A SavedDirty NX f0
ret(0x401100) = 0
#! p0 pte 0x7ffff7dff000 P US A D SavedDirty NX f0
