// Shadow stacks and trampfd, until they are modelled (issue 6; docs/conventions.md).
//
// The machines have no user shadow stack (kernel without CONFIG_X86_USER_SHADOW_STACK):
//   map_shadow_stack                  -> ENOSYS (sys_ni_syscall)
//   arch_prctl(any option)            -> EINVAL (shstk_prctl stub; other options are not modelled)
//   call / ret / incssp               -> plain instructions: 0
//   wrss / rstorssp / saveprevssp     -> #UD: SIGILL ILL_ILLOPN
//   trampfd_*                         -> ENOSYS (never merged); close(any fd) -> EBADF
// The seams for issue 6: VMF.SHADOW_STACK exists on VMAs (vm_start_gap, access_error and
// get_user_pages already honour it), Process.ssp / Process.shstk exist and stay 0.

import { fault } from '../abi/index.js';
import { hit, type Errno, type Kernel, type Process } from './mm.js';

/** arch/x86/kernel/shstk.c: SYSCALL_DEFINE3(map_shadow_stack) — not built. */
export function sysMapShadowStack(k: Kernel): Errno {
  hit(k, 'shstk:map-ENOSYS');
  return 'ENOSYS';
}

/** arch/x86/kernel/process_64.c: do_arch_prctl_64 -> shstk_prctl stub. */
export function sysArchPrctl(k: Kernel): Errno {
  hit(k, 'shstk:arch_prctl-EINVAL');
  return 'EINVAL';
}

/** CALL / RET / INCSSP with shadow stacks disabled: no shadow-stack effect. */
export function cpuPlainShstkInsn(k: Kernel, p: Process): bigint {
  void p;
  hit(k, 'shstk:plain-insn');
  return 0n;
}

/** WRSS / RSTORSSP / SAVEPREVSSP with CET disabled: #UD. */
export function cpuShstkUd(k: Kernel): string {
  hit(k, 'shstk:UD');
  return fault('SIGILL', 'ILL_ILLOPN');
}

/** trampfd RFC v2 syscalls: not in any kernel. */
export function sysTrampfd(k: Kernel): Errno {
  hit(k, 'trampfd:ENOSYS');
  return 'ENOSYS';
}

/** close(fd): no file is ever open. */
export function sysClose(k: Kernel): Errno {
  hit(k, 'close:EBADF');
  return 'EBADF';
}
