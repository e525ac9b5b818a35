// The result of one op: a value (bigint, the u64 register), or the canonical text of
// a failure — "-EPERM" for a syscall error, "fault SIGSEGV SEGV_ACCERR" for a signal.
// Text results compare with === and print as themselves, in traces and in `.mm`.

import { ERRNO, SI_CODE, SIGNAL, type ErrnoName, type SiCodeName, type SignalName } from './constants.js';
import type { ReturnKind } from './ops.js';
import { hex, s64, u64 } from './values.js';

export type Result = bigint | string;

const errCache = new Map<string, string>();
/** The canonical result for a syscall failing with `name`: "-ENAME". */
export function err(name: ErrnoName): string {
  let s = errCache.get(name);
  if (s === undefined) {
    s = '-' + name;
    errCache.set(name, s);
  }
  return s;
}

const ERRNO_BY_NUMBER = new Map<number, ErrnoName>((Object.entries(ERRNO) as Array<[ErrnoName, number]>).map(([k, v]) => [v, k]));

/**
 * The result for a syscall returning -n (1 <= n <= 4095): "-ENAME", or "-E<n>" for a
 * number with no errno name — the kernel returns an IS_ERR_VALUE address that way
 * (mm/mmap.c: do_mmap passes on a MAP_FIXED address in the error range).
 */
export function errNumber(n: number): string {
  const name = ERRNO_BY_NUMBER.get(n);
  return name ? err(name) : `-E${n}`;
}

/** The canonical result for a CPU access that raised a signal. */
export function fault(sig: SignalName, code: SiCodeName): string {
  return `fault ${sig} ${code}`;
}

/**
 * The result of executing a trampfd trampoline (trampfd RFC v2): the jump target the
 * trampoline loaded from code_table[X] and the value it loaded into the data register
 * from data_table[X] — "jump 0x401000 0x2a".
 */
export function jump(target: bigint, data: bigint): string {
  return `jump ${hex(target)} ${hex(data)}`;
}

export function isJump(r: Result): boolean {
  return typeof r === 'string' && r.startsWith('jump ');
}

export function isValue(r: Result): r is bigint {
  return typeof r === 'bigint';
}
export function isErrno(r: Result): boolean {
  return typeof r === 'string' && r.charCodeAt(0) === 45; // '-'
}
export function isFault(r: Result): boolean {
  return typeof r === 'string' && r.startsWith('fault ');
}

/** errno number of an error result, or 0. */
export function errnoOf(r: Result): number {
  if (typeof r !== 'string' || r[0] !== '-') return 0;
  const num = /^-E(\d+)$/.exec(r);
  if (num) return Number(num[1]);
  return ERRNO[r.slice(1) as ErrnoName] ?? 0;
}

/**
 * The register value an `rN` binding holds: the value itself, the raw syscall return
 * (-errno as u64) for an error, 0 for a fault, the jump target for a trampoline.
 */
export function registerValue(r: Result): bigint {
  if (typeof r === 'bigint') return r;
  if (r[0] === '-') return u64(-BigInt(errnoOf(r)));
  if (isJump(r)) return BigInt(r.split(' ')[1]);
  return 0n;
}

export function formatResult(r: Result, kind: ReturnKind): string {
  if (typeof r === 'string') return r;
  if (kind === 'int') return s64(r).toString(10);
  return r === 0n ? '0' : hex(r);
}

/** Checks that a text result names a known errno, or a known signal and si_code. */
export function validateResultText(s: string): string | null {
  if (s.startsWith('-')) {
    if (/^-E([1-9]\d{0,3})$/.test(s) && Number(s.slice(2)) <= 4095) return null;
    return Object.prototype.hasOwnProperty.call(ERRNO, s.slice(1)) ? null : `unknown errno ${s.slice(1)}`;
  }
  if (/^jump 0x[0-9a-f]+ 0x[0-9a-f]+$/.test(s)) return null;
  const m = /^fault (\S+) (\S+)$/.exec(s);
  if (!m) return `bad result ${s}`;
  if (!Object.prototype.hasOwnProperty.call(SIGNAL, m[1])) return `unknown signal ${m[1]}`;
  if (!Object.prototype.hasOwnProperty.call(SI_CODE, m[2])) return `unknown si_code ${m[2]}`;
  return null;
}
