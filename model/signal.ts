// Signals on a shadow stack (arch/x86/kernel/signal_64.c: x64_setup_rt_frame,
// SYSCALL_DEFINE0(rt_sigreturn); arch/x86/kernel/shstk.c: setup_signal_shadow_stack,
// shstk_push_sigframe, restore_signal_shadow_stack, shstk_pop_sigframe; SEMANTICS §10.9).
// The normal stack's frame is not part of the machine: it is always valid.
//
// signal(restorer): a signal is delivered to a handler registered with SA_RESTORER and
//   sa_restorer = restorer; the handler returns at once (RET to the restorer) and the
//   restorer runs rt_sigreturn. Without shadow stacks (no CET, or SHSTK off): 0.
//   setup_signal_shadow_stack:  restorer == 0 -> EINVAL; SSP == 0 -> EINVAL;
//     shstk_push_sigframe: SSP not 8-aligned -> EINVAL; WRUSS of SSP | bit 63 at SSP-8 -> EFAULT;
//     WRUSS of restorer at SSP-16 -> EFAULT; SSP := SSP-16
//     an error: x64_setup_rt_frame fails, signal_setup_done -> force_sigsegv: SIGSEGV SI_KERNEL
//     (SSP unchanged; a token already written stays)
//   the handler's RET pops the restorer (shstk-insn.ts: ret), then rt_sigreturn as below
// sigreturn(): rt_sigreturn. Without shadow stacks: 0 (rax of the restored frame, taken as 0).
//   restore_signal_shadow_stack: SSP == 0 -> EINVAL; shstk_pop_sigframe: SSP not 8-aligned ->
//     EINVAL; find_vma(SSP) missing or not VM_SHADOW_STACK -> EINVAL; get_user of the token at
//     SSP (a normal read: faults as `read`, PKRU applies) -> EFAULT; bit 63 clear -> EINVAL;
//     token & ~bit 63 not 8-aligned, or >= TASK_SIZE_MAX -> EINVAL; SSP := token & ~bit 63
//   an error: badframe: signal_fault -> force_sig(SIGSEGV): SIGSEGV SI_KERNEL, SSP unchanged

import { fault, VMF, type Result } from '../abi/index.js';
import { hit, type Kernel, type Process } from './mm.js';
import { cpuRet, shstkActive, writeUserShstk64 } from './shstk-insn.js';
import { getUser64 } from './uaccess.js';
import { findVma } from './vma.js';

const U64 = (1n << 64n) - 1n;
/** arch/x86/kernel/shstk.c: SS_FRAME_SIZE. */
const SS_FRAME_SIZE = 8n;
/** arch/x86/kernel/shstk.c: SHSTK_DATA_BIT — a sigframe token can never be a return address. */
const SHSTK_DATA_BIT = 1n << 63n;
/** arch/x86/include/asm/page_64_types.h: TASK_SIZE_MAX (4-level). */
const TASK_SIZE_MAX = 0x7ffffffff000n;

/** The SIGSEGV that a failed frame setup or sigreturn forces (force_sigsegv, force_sig: SI_KERNEL). */
function segv(k: Kernel, why: string): Result {
  hit(k, `signal:${why}`);
  return fault('SIGSEGV', 'SI_KERNEL');
}

/** arch/x86/kernel/shstk.c: setup_signal_shadow_stack — an errno name, or null. */
function setupSignalShadowStack(k: Kernel, p: Process, restorer: bigint): string | null {
  // arch/x86/kernel/shstk.c: setup_signal_shadow_stack — if (!restorer) return -EINVAL
  if (restorer === 0n) return 'restorer-EINVAL';
  // arch/x86/kernel/shstk.c: setup_signal_shadow_stack — if (unlikely(!ssp)) return -EINVAL
  if (p.ssp === 0n) return 'ssp0-EINVAL';
  // arch/x86/kernel/shstk.c: shstk_push_sigframe — token must be aligned
  if (p.ssp & 7n) return 'push-unaligned-EINVAL';
  // arch/x86/kernel/shstk.c: shstk_push_sigframe — put_shstk_data(ssp - 8, ssp | SHSTK_DATA_BIT)
  let ssp = (p.ssp - SS_FRAME_SIZE) & U64;
  if (writeUserShstk64(k, p, ssp, p.ssp | SHSTK_DATA_BIT)) return 'push-token-EFAULT';
  // arch/x86/kernel/shstk.c: setup_signal_shadow_stack — push restorer address
  ssp = (ssp - SS_FRAME_SIZE) & U64;
  if (writeUserShstk64(k, p, ssp, restorer)) return 'push-restorer-EFAULT';
  // arch/x86/kernel/shstk.c: setup_signal_shadow_stack — wrmsrl(MSR_IA32_PL3_SSP, ssp)
  p.ssp = ssp;
  return null;
}

/** arch/x86/kernel/shstk.c: restore_signal_shadow_stack — an errno name, or null. */
function restoreSignalShadowStack(k: Kernel, p: Process): string | null {
  // arch/x86/kernel/shstk.c: restore_signal_shadow_stack — if (unlikely(!ssp)) return -EINVAL
  if (p.ssp === 0n) return 'ssp0-EINVAL';
  // arch/x86/kernel/shstk.c: shstk_pop_sigframe — if (!IS_ALIGNED(*ssp, 8)) return -EINVAL
  if (p.ssp & 7n) return 'pop-unaligned-EINVAL';
  // arch/x86/kernel/shstk.c: shstk_pop_sigframe — find_vma(*ssp) must be VM_SHADOW_STACK
  // (every pop since "x86/shstk: Prevent deadlock during shstk sigreturn", 9874b2917b9f, 6.18.y)
  const vma = findVma(p.mm, p.ssp);
  if (!vma || !(vma.flags & VMF.SHADOW_STACK)) return 'pop-vma-EINVAL';
  // arch/x86/kernel/shstk.c: get_shstk_data — get_user, then the data bit
  const data = getUser64(k, p, p.ssp);
  if (data === null) return 'pop-EFAULT';
  if (!(data & SHSTK_DATA_BIT)) return 'pop-not-data-EINVAL';
  const tokenAddr = data & ~SHSTK_DATA_BIT;
  // arch/x86/kernel/shstk.c: shstk_pop_sigframe — restore SSP aligned? SSP in userspace?
  if (tokenAddr & 7n) return 'pop-token-unaligned-EINVAL';
  if (tokenAddr >= TASK_SIZE_MAX) return 'pop-token-range-EINVAL';
  p.ssp = tokenAddr;
  return null;
}

/** SYSCALL_DEFINE0(rt_sigreturn): the normal frame restored, then the shadow-stack one. */
export function sysSigreturn(k: Kernel, p: Process): Result {
  // arch/x86/kernel/shstk.c: restore_signal_shadow_stack — nothing without the feature
  if (!shstkActive(k, p)) {
    hit(k, 'signal:sigreturn-plain');
    return 0n;
  }
  // arch/x86/kernel/signal_64.c: rt_sigreturn — if (restore_signal_shadow_stack()) goto badframe
  const e = restoreSignalShadowStack(k, p);
  if (e) return segv(k, `sigreturn-${e}`);
  hit(k, 'signal:sigreturn');
  return 0n;
}

/** Delivery of a signal to a handler that returns at once through its restorer. */
export function sysSignal(k: Kernel, p: Process, restorer: bigint): Result {
  // arch/x86/kernel/shstk.c: setup_signal_shadow_stack — nothing without the feature
  if (!shstkActive(k, p)) {
    hit(k, 'signal:plain');
    return 0n;
  }
  // arch/x86/kernel/signal_64.c: x64_setup_rt_frame — if (setup_signal_shadow_stack(ksig)) return -EFAULT
  const e = setupSignalShadowStack(k, p, restorer);
  if (e) return segv(k, `setup-${e}`);
  hit(k, 'signal:delivered');
  // the handler returns: RET to the restorer the kernel pushed on both stacks
  const r = cpuRet(k, p, restorer);
  if (r !== 0n) return r;
  // the restorer: rt_sigreturn
  return sysSigreturn(k, p);
}
