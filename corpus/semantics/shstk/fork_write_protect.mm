# mmdiff 1
# SEMANTICS §10.7, §8: mm/memory.c: copy_present_pte — a shadow-stack PTE is pte_write(), so fork write-protects it
# in both (ptep_set_wrprotect: D moves to SavedDirty, the child's A cleared); reads need no copy; the child's RET
# copies the frame (wp_page_copy), the parent's later CALL reuses it (wp_can_reuse_anon_folio).
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
call(0x401000) = 0
r0 = fork() = 1
#! p0 pte 0x7ffff7dff000 P US A SavedDirty NX f0
#! p1 pte 0x7ffff7dff000 P US SavedDirty NX f0
#! p1 ssp 0x7ffff7dffff8 | shstk 1
read(0x7ffff7dffff8) = 0x401000
#! p0 pte 0x7ffff7dff000 P US A SavedDirty NX f0
p1: ret(0x401000) = 0
#! p1 pte 0x7ffff7dff000 P US A D SavedDirty NX f1
#! p0 pte 0x7ffff7dff000 P US A SavedDirty NX f0
call(0x402000) = 0
#! p0 pte 0x7ffff7dff000 P US A D SavedDirty NX f0
read(0x7ffff7dffff0) = 0x402000
p1: read(0x7ffff7dffff0) = 0
