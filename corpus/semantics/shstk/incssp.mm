# mmdiff 1
# SEMANTICS §10.10 INCSSP, §10.3 (why the 1-page gap): INCSSPQ pops (n & 0xff) entries and reads only the first
# and the last popped ones (shstk.c comment on VM_SHADOW_STACK guard pages); n & 0xff == 0 reads [SSP] only (Intel SDM
# INCSSPQ Operation: the first load is unconditional), so at the top of the stack it faults too; a read
# that faults (here the unmapped page above the stack) leaves SSP unchanged. RSTORSSP first moves SSP onto a
# token made by map_shadow_stack; the untouched lower page is never faulted in.
# machine shstk=1
r0 = map_shadow_stack(NULL, 0x2000, SHADOW_STACK_SET_TOKEN) = 0x7ffff7ffd000
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK) = 0
rstorssp(r0+0x1ff8) = 0
#! p0 ssp r0+0x1ff8
read(r0+0x1ff8) = 0x7ffff7e00003
call(0x401000) = 0
call(0x401100) = 0
call(0x401200) = 0
#! p0 ssp r0+0x1fe0
incssp(0) = 0
incssp(0x100) = 0
#! p0 ssp r0+0x1fe0
incssp(3) = 0
#! p0 ssp r0+0x1ff8
incssp(2) = fault SIGSEGV SEGV_MAPERR
#! p0 ssp r0+0x1ff8
incssp(0x101) = 0
#! p0 ssp r0+0x2000
incssp(0) = fault SIGSEGV SEGV_MAPERR
#! p0 ssp r0+0x2000
#! p0 pte r0 none
#! p0 pte r0+0x1000 P US A D SavedDirty NX page
