// The x86 shadow-stack instructions a program can run (Intel SDM: CALL, RET, WRSSQ,
// RSTORSSP, SAVEPREVSSP, INCSSPQ; SEMANTICS §10.10; docs/conventions.md "Shadow stacks").
//
// With the process's SHSTK feature off (or no CET at all): call and ret are plain
// instructions (0); incssp, wrss, rstorssp, saveprevssp raise #UD -> SIGILL ILL_ILLOPN
// (Intel SDM: INCSSP #UD if CR4.CET = 0 or IA32_U_CET.SH_STK_EN = 0; seen on this machine).
// With SHSTK on (SSP is 8-aligned; the model has no 32-bit mode and no RFLAGS.CF):
//   call(r)      shadow-stack store of r at SSP-8; SSP -= 8
//   ret(r)       shadow-stack load at SSP; != r -> #CP(NEAR-RET) = SIGSEGV SEGV_CPERR; SSP += 8
//   incssp(n)    k = n & 0xff; load of [SSP] (even for k = 0); k != 0: load of [SSP + 8(k-1)]; SSP += 8k
//   wrss(a, v)   WRSS off -> #UD; a not 8-aligned -> #GP (SIGSEGV SI_KERNEL); store v at a
//   rstorssp(m)  m not 8-aligned -> #GP; locked load+store of the token at m; the token must
//                be a 64-bit restore token (bits 1:0 == 01) with ((token & ~1) - 8) & ~7 == m,
//                else #CP(RSTORSSP); [m] := SSP | 2 | 1 (previous-SSP token); SSP := m
//   saveprevssp  SSP not 8-aligned -> #GP; load the token at SSP; bit 1 clear -> #GP;
//                old = token & ~3: store 4 zero bytes at old-4, then old|1 at (old & ~7) - 8;
//                SSP += 8
// A shadow-stack access faults as cpu.ts describes (a non-shadow-stack page is a write
// fault that the kernel resolves in a VM_SHADOW_STACK|VM_WRITE VMA). A non-canonical
// address is #GP. A faulting instruction changes neither SSP nor memory (its earlier
// accesses may have faulted pages in).

import { ARCH_SHSTK, fault, type Result } from '../abi/index.js';
import { isCanonical, loadBytes, storeBytes, translate, type Access } from './cpu.js';
import { hit, type Kernel, type Process } from './mm.js';

const U64 = (1n << 64n) - 1n;
type Fault = string;

/** The process runs with shadow stacks: CET in the CPU and kernel, and its SHSTK feature on. */
export function shstkActive(k: Kernel, p: Process): boolean {
  return k.cfg.shstk && (p.shstk & ARCH_SHSTK.SHSTK) !== 0;
}

/** #UD: SIGILL ILL_ILLOPN (arch/x86/kernel/traps.c: do_error_trap for X86_TRAP_UD). */
function ud(k: Kernel, insn: string): Fault {
  hit(k, `shstk-insn:${insn}-UD`);
  return fault('SIGILL', 'ILL_ILLOPN');
}

/** #GP(0) from user mode: SIGSEGV SI_KERNEL (arch/x86/kernel/traps.c: exc_general_protection). */
function gp(k: Kernel, why: string): Fault {
  hit(k, `shstk-insn:${why}-GP`);
  return fault('SIGSEGV', 'SI_KERNEL');
}

/** #CP: SIGSEGV SEGV_CPERR (arch/x86/kernel/cet.c: do_user_cp_fault). */
function cp(k: Kernel, why: string): Fault {
  hit(k, `shstk-insn:${why}-CP`);
  return fault('SIGSEGV', 'SEGV_CPERR');
}

/** Translate one aligned shadow-stack access: #GP when non-canonical, else paging (cpu.ts). */
function ssTranslate(k: Kernel, p: Process, addr: bigint, access: Access): Fault | null {
  if (!isCanonical(addr)) {
    hit(k, 'shstk-insn:noncanonical');
    return fault('SIGSEGV', 'SI_KERNEL');
  }
  return translate(k, p, addr, access);
}

/**
 * arch/x86/include/asm/special_insns.h: write_user_shstk_64 (WRUSS) — the kernel's
 * shadow-stack store to user memory, a user shadow-stack access for paging. Returns null
 * on success, else the fault (the kernel's exception fixup turns it into -EFAULT).
 */
export function writeUserShstk64(k: Kernel, p: Process, addr: bigint, value: bigint): Fault | null {
  const f = ssTranslate(k, p, addr, 'ss-store');
  if (f) return f;
  storeBytes(p, addr, value, 8);
  return null;
}

/** CALL (near): push the return address on the shadow stack too. */
export function cpuCall(k: Kernel, p: Process, retAddr: bigint): Result {
  if (!shstkActive(k, p)) {
    hit(k, 'shstk-insn:plain-call');
    return 0n;
  }
  const slot = (p.ssp - 8n) & U64;
  const f = ssTranslate(k, p, slot, 'ss-store');
  if (f) return f;
  storeBytes(p, slot, retAddr, 8);
  p.ssp = slot;
  hit(k, 'shstk-insn:call');
  return 0n;
}

/** RET (near): pop the shadow stack and compare with the return address. */
export function cpuRet(k: Kernel, p: Process, retAddr: bigint): Result {
  if (!shstkActive(k, p)) {
    hit(k, 'shstk-insn:plain-ret');
    return 0n;
  }
  const f = ssTranslate(k, p, p.ssp, 'ss-load');
  if (f) return f;
  if (loadBytes(p, p.ssp, 8) !== retAddr) return cp(k, 'ret');
  p.ssp = (p.ssp + 8n) & U64;
  hit(k, 'shstk-insn:ret');
  return 0n;
}

/** INCSSPQ r: pop (r & 0xff) entries, reading the first and the last. */
export function cpuIncssp(k: Kernel, p: Process, n: bigint): Result {
  if (!shstkActive(k, p)) return ud(k, 'incssp');
  const count = n & 0xffn;
  // Intel SDM INCSSPQ "Operation": [SSP] is loaded whatever the count
  const first = ssTranslate(k, p, p.ssp, 'ss-load');
  if (first) return first;
  if (count === 0n) {
    hit(k, 'shstk-insn:incssp-0');
    return 0n;
  }
  const last = ssTranslate(k, p, (p.ssp + 8n * (count - 1n)) & U64, 'ss-load');
  if (last) return last;
  p.ssp = (p.ssp + 8n * count) & U64;
  hit(k, 'shstk-insn:incssp');
  return 0n;
}

/** WRSSQ: a shadow-stack store by the program itself (needs ARCH_SHSTK_WRSS). */
export function cpuWrss(k: Kernel, p: Process, addr: bigint, value: bigint): Result {
  if (!shstkActive(k, p) || !(p.shstk & ARCH_SHSTK.WRSS)) return ud(k, 'wrss');
  if (addr & 7n) return gp(k, 'wrss-unaligned');
  const f = ssTranslate(k, p, addr, 'ss-store');
  if (f) return f;
  storeBytes(p, addr, value, 8);
  hit(k, 'shstk-insn:wrss');
  return 0n;
}

/** RSTORSSP m64: switch to the shadow stack whose restore token is at m. */
export function cpuRstorssp(k: Kernel, p: Process, m: bigint): Result {
  if (!shstkActive(k, p)) return ud(k, 'rstorssp');
  if (m & 7n) return gp(k, 'rstorssp-unaligned');
  // the token is read with a shadow-stack locked load and written back with a store
  const f = ssTranslate(k, p, m, 'ss-store');
  if (f) return f;
  const token = loadBytes(p, m, 8);
  // bit 0 = 64-bit mode, bit 1 = 0 (a restore token, not a previous-SSP token)
  if ((token & 3n) !== 1n) return cp(k, 'rstorssp-mode');
  // the token holds the SSP just above it: ((token & ~1) - 8) & ~7 == m
  if ((((token & ~1n) - 8n) & U64 & ~7n) !== m) return cp(k, 'rstorssp-addr');
  storeBytes(p, m, p.ssp | 2n | 1n, 8);
  p.ssp = m;
  hit(k, 'shstk-insn:rstorssp');
  return 0n;
}

/** SAVEPREVSSP: pop the previous-SSP token and push a restore token on the previous stack. */
export function cpuSaveprevssp(k: Kernel, p: Process): Result {
  if (!shstkActive(k, p)) return ud(k, 'saveprevssp');
  if (p.ssp & 7n) return gp(k, 'saveprevssp-unaligned');
  const f = ssTranslate(k, p, p.ssp, 'ss-load');
  if (f) return f;
  const token = loadBytes(p, p.ssp, 8);
  // a previous-SSP token has bit 1 set
  if (!(token & 2n)) return gp(k, 'saveprevssp-token');
  const old = token & ~3n;
  const hole = (old - 4n) & U64;
  const slot = ((old & ~7n) - 8n) & U64;
  const f1 = ssTranslate(k, p, hole, 'ss-store');
  if (f1) return f1;
  const f2 = ssTranslate(k, p, slot, 'ss-store');
  if (f2) return f2;
  storeBytes(p, hole, 0n, 4);
  storeBytes(p, slot, old | 1n, 8);
  p.ssp = (p.ssp + 8n) & U64;
  hit(k, old & 4n ? 'shstk-insn:saveprevssp-hole' : 'shstk-insn:saveprevssp');
  return 0n;
}
