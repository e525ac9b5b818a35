# mmdiff 1
# SEMANTICS §10.9: sigreturn() is rt_sigreturn (arch/x86/kernel/signal_64.c), with a valid frame on the normal
# stack; its last step, restore_signal_shadow_stack (arch/x86/kernel/shstk.c), pops the shadow-stack sigframe:
# shstk_pop_sigframe — `if (!IS_ALIGNED(*ssp, 8)) return -EINVAL`; `vma = find_vma(current->mm, *ssp); valid_vma
# = vma && (vma->vm_flags & VM_SHADOW_STACK)`, else -EINVAL (for every pop since 9874b2917b9f "x86/shstk: Prevent
# deadlock during shstk sigreturn", in 6.18.y; before, only for a page-aligned SSP, with -EFAULT); get_shstk_data
# — get_user (a normal read; -EFAULT), `if (!(ldata & SHSTK_DATA_BIT)) return -EINVAL`; then the address must be
# 8-aligned and below TASK_SIZE_MAX (-EINVAL); SSP := it. Any error is badframe: signal_fault ->
# force_sig(SIGSEGV), SIGSEGV SI_KERNEL, SSP unchanged. A return address is never a frame (bit 63 clear); a
# forged frame (WRSS) may send SSP anywhere in user space. find_vma takes the first VMA *ending above* SSP, so an
# SSP in the hole below a shadow stack passes the VMA check and fails the read (EFAULT); one in ordinary memory
# fails the VMA check. Without the SHSTK feature rt_sigreturn has no shadow-stack part: 0.
# machine shstk=1
sigreturn() = 0
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_SHSTK) = 0
arch_prctl(ARCH_SHSTK_ENABLE, ARCH_SHSTK_WRSS) = 0
#! p0 ssp 0x7ffff7e00000
sigreturn() = fault SIGSEGV SI_KERNEL
call(0x401000) = 0
sigreturn() = fault SIGSEGV SI_KERNEL
#! p0 ssp 0x7ffff7dffff8
wrss(0x7ffff7dffff8, 0x8000000000001004) = 0
sigreturn() = fault SIGSEGV SI_KERNEL
wrss(0x7ffff7dffff8, 0x80007ffffffff000) = 0
sigreturn() = fault SIGSEGV SI_KERNEL
wrss(0x7ffff7dffff8, 0x8000000200000000) = 0
#! p0 ssp 0x7ffff7dffff8
sigreturn() = 0
#! p0 ssp 0x200000000
sigreturn() = fault SIGSEGV SI_KERNEL
#! p0 ssp 0x200000000
r0 = mmap(0x300000000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = 0x300000000
write(r0+0x8, 0x8000000300000010) = 0
wrss(0x7ffff7dffff0, 0x7ffff7dffff9) = 0
rstorssp(0x7ffff7dffff0) = 0
#! p0 ssp 0x7ffff7dffff0
wrss(0x7ffff7dffff0, 0x8000000300000008) = 0
sigreturn() = 0
#! p0 ssp r0+0x8
sigreturn() = fault SIGSEGV SI_KERNEL
#! p0 ssp r0+0x8
