# mmdiff 1
# SEMANTICS §10.6 "GUP", §5.2: mm/madvise.c: madvise_populate → mm/gup.c: check_vma_flags — a write without
# FOLL_FORCE to a VM_SHADOW_STACK VMA is refused, which MADV_POPULATE_WRITE reports as EINVAL (incompatible
# mapping); POPULATE_READ faults in the zero page (P US A NX Z).
# machine shstk=1
r0 = map_shadow_stack(NULL, 0x1000, 0)
madvise(r0, 0x1000, MADV_POPULATE_WRITE) = -EINVAL
madvise(r0, 0x1000, MADV_POPULATE_READ) = 0
#! p0 pte r0 P US A NX Z
