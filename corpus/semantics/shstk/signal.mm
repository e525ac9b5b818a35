# mmdiff 1
# SEMANTICS §10.9: signal(restorer) delivers a signal to a handler registered with SA_RESTORER and returning at
# once. arch/x86/kernel/shstk.c: setup_signal_shadow_stack — `if (!restorer) return -EINVAL`, `if (!ssp) return
# -EINVAL`; shstk_push_sigframe — `if (!IS_ALIGNED(target_ssp, 8)) return -EINVAL`, then put_shstk_data (WRUSS) of
# `target_ssp | SHSTK_DATA_BIT` (bit 63) at SSP-8; then `write_user_shstk_64(ssp - 8, restorer)` at SSP-16 and SSP
# := SSP-16. The handler's RET pops the restorer (it matches the return address the kernel put on the normal
# stack); the restorer's rt_sigreturn runs restore_signal_shadow_stack (sigreturn.mm), back to the old SSP. The
# two words stay below SSP. arch/x86/kernel/signal_64.c: x64_setup_rt_frame returns -EFAULT when the shadow-stack
# frame cannot be set up, and signal_setup_done -> force_sigsegv: SIGSEGV SI_KERNEL, SSP unchanged — restorer 0,
# or a WRUSS that faults: with SSP 8 bytes above the bottom of a shadow stack the token is written, the
# restorer's store below the VMA faults. (A shadow stack made PROT_READ still takes the frame: its pages are
# shadow-stack PTEs already, which WRUSS may store to — docs/conventions.md, pte_modify keeps them.) Without the
# SHSTK feature nothing of this happens: 0.
# machine shstk=1
signal(0) = 0
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK) = 0
#! p0 ssp 0x7ffff7e00000
signal(0x401000) = 0
#! p0 ssp 0x7ffff7e00000
read(0x7ffff7dffff8) = 0x80007ffff7e00000
read(0x7ffff7dffff0) = 0x401000
#! p0 pte 0x7ffff7dff000 P US A D SavedDirty NX page
call(0x402000) = 0
signal(0x403000) = 0
#! p0 ssp 0x7ffff7dffff8
read(0x7ffff7dffff0) = 0x80007ffff7dffff8
read(0x7ffff7dfffe8) = 0x403000
ret(0x402000) = 0
signal(0) = fault SIGSEGV SI_KERNEL
#! p0 ssp 0x7ffff7e00000
r0 = map_shadow_stack(0x100000000, 0x1000, 0) = 0x100000000
mprotect(0x7ffff7c00000, 0x200000, PROT_READ) = 0
signal(0x401000) = 0
#! p0 ssp 0x7ffff7e00000
munmap(r0, 0x1000) = 0
r1 = map_shadow_stack(0x100000000, 0x10, SHADOW_STACK_SET_TOKEN) = 0x100000000
rstorssp(r1+0x8) = 0
#! p0 ssp r1+0x8
signal(0x401000) = fault SIGSEGV SI_KERNEL
#! p0 ssp r1+0x8
read(r1) = 0x8000000100000008
