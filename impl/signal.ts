// signal(restorer) and sigreturn() on a shadow stack (arch/x86/kernel/shstk.c
// setup_signal_shadow_stack / restore_signal_shadow_stack; SEMANTICS §10.9,
// docs/conventions.md "Signals"). signal: with SHSTK on, restorer 0 / SSP 0 / SSP unaligned
// refuse the frame; the token SSP|bit63 goes to SSP-8 and the restorer to SSP-16 by WRUSS
// (a fault refuses it), SSP -= 16; then the handler's RET pops the restorer and rt_sigreturn
// runs. sigreturn: SSP 0 / unaligned, no VM_SHADOW_STACK VMA at or above SSP, the token
// read (a user read) failing, bit 63 clear, the token's address unaligned or >= TASK_SIZE_MAX
// refuse it; else SSP := the address. A refused frame is SIGSEGV SI_KERNEL, SSP unchanged.

import { ARCH_SHSTK } from '../abi/constants.js';
import { fault, type Result } from '../abi/result.js';
import { VMF } from '../abi/vmflags.js';
import type { Kernel, Proc } from './kernel.js';
import { ret, wruss } from './shstk-insn.js';

const SEGV = fault('SIGSEGV', 'SI_KERNEL');
const BIT63 = 1n << 63n;
const TASK_SIZE_MAX = 0x7ffffffff000n;

const on = (mm: Proc): boolean => (mm.shstk & ARCH_SHSTK.SHSTK) !== 0;

/** A signal whose handler returns at once through `restorer` (SA_RESTORER). */
export function deliverSignal(k: Kernel, mm: Proc, restorer: bigint, getUser: (at: bigint) => Result): Result {
  if (!on(mm)) return 0n;
  const ssp = mm.ssp;
  if (restorer === 0n || ssp === 0 || ssp % 8 !== 0) return SEGV;
  const tok = BigInt(ssp) | BIT63;
  if (wruss(k, mm, ssp - 8, Number(tok & 0xffffffffn), Number(tok >> 32n)) !== null) return SEGV;
  if (wruss(k, mm, ssp - 16, Number(restorer & 0xffffffffn), Number(restorer >> 32n)) !== null) return SEGV;
  mm.ssp = ssp - 16;
  const r = ret(k, mm, restorer);
  return r === 0n ? sigreturn(k, mm, getUser) : r;
}

/** rt_sigreturn: pop the shadow-stack sigframe (the normal one is always valid). */
export function sigreturn(k: Kernel, mm: Proc, getUser: (at: bigint) => Result): Result {
  if (!on(mm)) return 0n;
  const ssp = mm.ssp;
  if (ssp === 0 || ssp % 8 !== 0) return SEGV;
  // find_vma(ssp): the first VMA ending above it must be a shadow stack
  const r = mm.tree.findVma(Math.floor(ssp / 4096));
  if (r < 0 || !(k.vp.fl[r] & VMF.SHADOW_STACK)) return SEGV;
  const data = getUser(BigInt(ssp));
  if (typeof data !== 'bigint' || !(data & BIT63)) return SEGV;
  const addr = data & ~BIT63;
  if (addr & 7n || addr >= TASK_SIZE_MAX) return SEGV;
  mm.ssp = Number(addr);
  return 0n;
}
