// The shadow-stack instructions (Intel SDM; SEMANTICS §10.10, docs/conventions.md "Shadow
// stacks"): CALL pushes, RET pops and compares (#CP NEAR-RET → SEGV_CPERR), INCSSP pops k
// entries reading the first and the last, WRSS stores (needs ARCH_SHSTK_WRSS), RSTORSSP
// switches to a restore token, SAVEPREVSSP leaves one on the previous stack. Each memory
// access is a shadow-stack access (impl/fault.ts ssTranslate); a faulting instruction
// leaves SSP and memory unchanged, though its earlier loads may have faulted pages in.
// With the process's SHSTK feature off, CALL/RET/INCSSP are plain instructions and the
// others raise #UD.

import { ARCH_SHSTK } from '../abi/constants.js';
import { fault, type Result } from '../abi/result.js';
import { GPF, MAPERR, ssTranslate } from './fault.js';
import { PAGE, type Kernel, type Proc } from './kernel.js';

const ZERO = 0n;
const SIGILL = fault('SIGILL', 'ILL_ILLOPN');
const CPERR = fault('SIGSEGV', 'SEGV_CPERR');
/** Pages of the canonical user half. */
const USER_PAGES = 2 ** 35;
const KERNEL_HALF = 0xffff800000000000n;
const U64 = 0xffffffffffffffffn;

/** The word a shadow-stack load returned. */
let LO = 0;
let HI = 0;

const enabled = (mm: Proc): boolean => (mm.shstk & ARCH_SHSTK.SHSTK) !== 0;

/** The page of a byte address below 2^53 (SSP arithmetic), or the fault of a non-user address. */
function pageOf(at: number): number | string {
  if (at < 0) return MAPERR; // SSP - 8 wrapped below 0: the kernel half
  const vpn = Math.floor(at / PAGE);
  return vpn < USER_PAGES ? vpn : GPF;
}

/** The page of a u64 address, or the fault of a non-user address. */
function pageOfBig(at: bigint): number | string {
  if (at >= KERNEL_HALF) return MAPERR;
  if (at >= 1n << 47n) return GPF; // non-canonical
  return Number(at >> 12n);
}

/** Shadow-stack load of the 8-byte aligned word at `at` into LO/HI; a fault text or null. */
function load(k: Kernel, mm: Proc, at: number): string | null {
  const vpn = pageOf(at);
  if (typeof vpn === 'string') return vpn;
  const f = ssTranslate(k, mm, vpn, false);
  if (typeof f === 'string') return f;
  const w = (at - vpn * PAGE) >>> 3;
  LO = k.fr.wordLo(f, w);
  HI = k.fr.wordHi(f, w);
  return null;
}

/** Shadow-stack store of an aligned word. */
function store(k: Kernel, mm: Proc, at: number, lo: number, hi: number): string | null {
  const vpn = pageOf(at);
  if (typeof vpn === 'string') return vpn;
  const f = ssTranslate(k, mm, vpn, true);
  if (typeof f === 'string') return f;
  k.fr.setWord(f, (at - vpn * PAGE) >>> 3, lo >>> 0, hi >>> 0);
  return null;
}

/** WRUSS (the kernel writing a restore token): a shadow-stack store of an aligned word. */
export function wruss(k: Kernel, mm: Proc, at: number, lo: number, hi: number): string | null {
  return store(k, mm, at, lo, hi);
}

const loOf = (v: bigint): number => Number(v & 0xffffffffn);
const hiOf = (v: bigint): number => Number((v >> 32n) & 0xffffffffn);

/** CALL: push the return address (SSP -= 8). */
export function call(k: Kernel, mm: Proc, ret: bigint): Result {
  if (!enabled(mm)) return ZERO;
  const at = mm.ssp - 8;
  const e = store(k, mm, at, loOf(ret), hiOf(ret));
  if (e) return e;
  mm.ssp = at;
  return ZERO;
}

/** RET: pop and compare with the return address of the normal stack. */
export function ret(k: Kernel, mm: Proc, retAddr: bigint): Result {
  if (!enabled(mm)) return ZERO;
  const e = load(k, mm, mm.ssp);
  if (e) return e;
  if (LO !== loOf(retAddr) || HI !== hiOf(retAddr)) return CPERR;
  mm.ssp += 8;
  return ZERO;
}

/** INCSSPQ: k = n[7:0]; read [SSP] (always, SDM), then the last popped entry if k > 0; SSP += 8k. */
export function incssp(k: Kernel, mm: Proc, n: bigint): Result {
  if (!enabled(mm)) return SIGILL; // #UD without shadow stacks (SDM: CR4.CET = 0 or SH_STK_EN = 0)
  const cnt = Number(n & 0xffn);
  let e = load(k, mm, mm.ssp);
  if (e) return e;
  if (cnt === 0) return ZERO;
  e = load(k, mm, mm.ssp + 8 * (cnt - 1));
  if (e) return e;
  mm.ssp += 8 * cnt;
  return ZERO;
}

/** WRSSQ: a shadow-stack store (user mode: only with ARCH_SHSTK_WRSS). */
export function wrss(k: Kernel, mm: Proc, addr: bigint, v: bigint): Result {
  if (!enabled(mm) || !(mm.shstk & ARCH_SHSTK.WRSS)) return SIGILL;
  if (addr & 7n) return GPF;
  const vpn = pageOfBig(addr);
  if (typeof vpn === 'string') return vpn;
  const f = ssTranslate(k, mm, vpn, true);
  if (typeof f === 'string') return f;
  k.fr.setWord(f, Number(addr & 0xfffn) >>> 3, loOf(v), hiOf(v));
  return ZERO;
}

/**
 * RSTORSSP m: a locked shadow-stack load and store of the restore token at m (the page is
 * translated as a store). The token must have bit 0 (64-bit mode) set, bit 1 clear and
 * ((token & ~1) - 8) & ~7 == m (it holds m + 8, or m + 12 after a 4-byte alignment hole),
 * else #CP. It is replaced by the previous-ssp token SSP | 2 | 1 and SSP := m.
 */
export function rstorssp(k: Kernel, mm: Proc, m: bigint): Result {
  if (!enabled(mm)) return SIGILL;
  if (m & 7n) return GPF;
  const vpn = pageOfBig(m);
  if (typeof vpn === 'string') return vpn;
  const f = ssTranslate(k, mm, vpn, true);
  if (typeof f === 'string') return f;
  const w = Number(m & 0xfffn) >>> 3;
  const tok = (BigInt(k.fr.wordHi(f, w)) << 32n) | BigInt(k.fr.wordLo(f, w));
  if ((tok & 3n) !== 1n || (((tok & ~1n) - 8n) & ~7n & U64) !== m) return CPERR;
  const prev = BigInt(mm.ssp) | 3n;
  k.fr.setWord(f, w, loOf(prev), hiOf(prev));
  mm.ssp = Number(m);
  return ZERO;
}

/**
 * SAVEPREVSSP: pop the previous-ssp token at SSP (bit 1 set, else #GP); with old = token & ~3,
 * store 4 zero bytes at old - 4, then the restore token old | 1 at (old & ~7) - 8 (the next
 * 8-byte boundary of the previous stack). Both pages are translated before either store.
 */
export function saveprevssp(k: Kernel, mm: Proc): Result {
  if (!enabled(mm)) return SIGILL;
  if (mm.ssp % 8 !== 0) return GPF;
  const e = load(k, mm, mm.ssp);
  if (e) return e;
  if (!(LO & 2)) return GPF;
  const old = ((BigInt(HI) << 32n) | BigInt(LO)) & ~3n;
  const a1 = (old - 4n) & U64;
  const a2 = ((old & ~7n) - 8n) & U64;
  const p1 = pageOfBig(a1);
  if (typeof p1 === 'string') return p1;
  const f1 = ssTranslate(k, mm, p1, true);
  if (typeof f1 === 'string') return f1;
  const p2 = pageOfBig(a2);
  if (typeof p2 === 'string') return p2;
  const f2 = ssTranslate(k, mm, p2, true);
  if (typeof f2 === 'string') return f2;
  const o1 = Number(a1 & 0xfffn);
  for (let i = 0; i < 4; i++) k.fr.setByte(f1, o1 + i, 0);
  const tok = old | 1n;
  k.fr.setWord(f2, Number(a2 & 0xfffn) >>> 3, loOf(tok), hiOf(tok));
  mm.ssp += 8;
  return ZERO;
}
