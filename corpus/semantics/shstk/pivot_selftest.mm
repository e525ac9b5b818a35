# mmdiff 1
# SEMANTICS §10.10 RSTORSSP/SAVEPREVSSP; selftest test_shstk_pivot (try_shstk): map a 2 MiB shadow stack with a
# token (placed 2 MiB-aligned below the thread's one, keeping its gap), `rstorssp (new + SS_SIZE - 8)` switches to
# it and leaves a previous-SSP token (old SSP | 2 | 1) in place of the restore token; SAVEPREVSSP pops that and
# pushes a restore token old SSP | 1 at old SSP - 8 on the old stack. Switching back the same way
# (`rstorssp (old ssp - 8)`, SAVEPREVSSP) restores the new stack's original token, then RET returns normally.
# machine shstk=1
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK) = 0
call(0x401000) = 0
#! p0 ssp 0x7ffff7dffff8
r0 = map_shadow_stack(NULL, 0x200000, SHADOW_STACK_SET_TOKEN) = 0x7ffff7200000
read(r0+0x1ffff8) = 0x7ffff7400001
rstorssp(r0+0x1ffff8) = 0
#! p0 ssp r0+0x1ffff8
read(r0+0x1ffff8) = 0x7ffff7dffffb
saveprevssp() = 0
#! p0 ssp r0+0x200000
read(0x7ffff7dffff0) = 0x7ffff7dffff9
read(0x7ffff7dffff8) = 0x401000
rstorssp(0x7ffff7dffff0) = 0
#! p0 ssp 0x7ffff7dffff0
read(0x7ffff7dffff0) = 0x7ffff7400003
saveprevssp() = 0
#! p0 ssp 0x7ffff7dffff8
read(r0+0x1ffff8) = 0x7ffff7400001
ret(0x401000) = 0
#! p0 ssp 0x7ffff7e00000
munmap(r0, 0x200000) = 0
#! p0 vmas 0x7ffff7600000..0x7ffff7e00000 rw- account shadow_stack
