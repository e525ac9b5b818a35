# mmdiff 1
# SEMANTICS §10.7, §10.4 fork, §8: mm/memory.c: copy_present_pte — a shadow-stack PTE is pte_write(), so fork
# write-protects it in both processes: RW=0 D=0 SavedDirty=1 (pte_wrprotect), the child's old (A=0), same frame.
# Normal reads keep working without a fault; the next shadow-stack access in either process, even RET's load,
# faults as a write: the child (frame still shared) copies, after which the parent's access reuses its frame
# (do_wp_page → wp_page_reuse, pte_mkwrite(vma) → shadow-stack PTE again). The child keeps SSP, the features and
# the thread shadow stack's base/size: its DISABLE unmaps its own copy only (shstk_free: tsk->mm == current->mm).
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK) = 0
call(0x401000) = 0
call(0x401100) = 0
#! p0 pte 0x7ffff7dff000 P US A D SavedDirty NX f0
r0 = fork() = 1
#! p0 pte 0x7ffff7dff000 P US A SavedDirty NX f0
#! p1 pte 0x7ffff7dff000 P US SavedDirty NX f0
#! p1 ssp 0x7ffff7dffff0 | shstk 0x1
#! p1 vmas 0x7ffff7600000..0x7ffff7e00000 rw- account shadow_stack
read(0x7ffff7dffff0) = 0x401100
p1: read(0x7ffff7dffff8) = 0x401000
#! p0 pte 0x7ffff7dff000 P US A SavedDirty NX f0
p1: ret(0x401100) = 0
#! p1 pte 0x7ffff7dff000 P US A D SavedDirty NX f1
#! p0 pte 0x7ffff7dff000 P US A SavedDirty NX f0
p1: call(0x402000) = 0
p1: read(0x7ffff7dffff0) = 0x402000
read(0x7ffff7dffff0) = 0x401100
ret(0x401100) = 0
#! p0 pte 0x7ffff7dff000 P US A D SavedDirty NX f0
ret(0x401000) = 0
#! p0 ssp 0x7ffff7e00000
#! p1 ssp 0x7ffff7dffff0
p1: arch_prctl(ARCH_SHSTK_DISABLE, ARCH_SHSTK_SHSTK) = 0
#! p1 vmas none
#! p1 ssp 0 | shstk 0
#! p0 vmas 0x7ffff7600000..0x7ffff7e00000 rw- account shadow_stack
#! p0 shstk 0x1
