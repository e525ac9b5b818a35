# mmdiff 1
# SEMANTICS §10.8, §5.2, §10.5: mm/madvise.c: madvise_free_pte_range — clear_young_dirty_ptes clears A and D
# (and SavedDirty with it, pte_mkclean): the entry is a plain read-only present PTE; the next shadow-stack access
# faults (pte not shstk) and do_wp_page makes it a shadow-stack PTE again (reuse: the page is exclusive).
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, 0x1) = 0
call(0x401000) = 0
madvise(0x7ffff7dff000, 0x1000, MADV_FREE) = 0
#! p0 pte 0x7ffff7dff000 P US NX page
ret(0x401000) = 0
#! p0 pte 0x7ffff7dff000 P US A D SavedDirty NX page
