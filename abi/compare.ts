// Exact comparison of two traces: the first difference, its class, what differs as a
// bucket-key fragment (the two values' kinds: `result -EPERM/0`, `pte.D 1/0`) and the
// same with the actual values (`pte.frame 1/0 at p0 0x7ffff7ffe000`). The fuzzer's
// cause analysis (fuzz/cause.ts) turns this into one bucket per cause.

import { PTE_BIT_NAMES } from './constants.js';
import type { Program } from './program.js';
import { isFault, isJump, type Result } from './result.js';
import type { PteState, ProcState, State, Trace, VmaState } from './trace.js';
import { VMF, VMF_NAMES, protString } from './vmflags.js';
import { hex } from './values.js';

/** `proc` covers per-process registers (brk, PKRU, SSP, pkey bitmap, liveness). */
export type DivergenceClass = 'result' | 'vma' | 'seal' | 'pte' | 'content' | 'crash' | 'proc' | 'invariant' | 'hang';

export interface Divergence {
  readonly class: DivergenceClass;
  /** Index of the op whose result differs, or (after cause analysis) the first op after which the states differ; null for an unlocated end-state difference. */
  readonly op: number | null;
  /** Bucket key: `mprotect result -EPERM/0`, `end pte.D 1/0`; after cause analysis `mprotect:sealed-EPERM result -EPERM/0`. */
  readonly signature: string;
  /** A human-readable description of both sides. */
  readonly detail: string;
  /** What differs, as kinds (the key fragment): `result -EPERM/0`, `vma.layout`, `pte.frame shared/private`. */
  readonly what: string;
  /** What differs, with the values: `result -EPERM/0x0`, `vma.count 2/3 (p0)`, `pte.frame 1/0 (p0 0x7ffff7ffe000)`. */
  readonly shows: string;
  /** Set by cause analysis: the rule the reference target took at `op` (a model feature), if any. */
  readonly rule?: string;
  /** Set by cause analysis: how the first difference a whole run shows follows from this one, when it is another. */
  readonly later?: string;
  /**
   * Set by cause analysis when both targets failed differently, or a failed op's partial
   * work differs: the key the reference's failing check gives (the signature is the key
   * the other side's errno or the op gives). A campaign counts it in the bucket of either.
   */
  readonly also?: string;
}

/** The kind of a result for signatures: error and fault names, 0, or `val`. */
export function resultKind(r: Result | undefined): string {
  if (r === undefined) return 'none';
  if (typeof r === 'string') return isFault(r) ? r.split(' ')[2] : isJump(r) ? 'jump' : r;
  return r === 0n ? '0' : 'val';
}

function show(r: Result | undefined): string {
  if (r === undefined) return '(none)';
  return typeof r === 'bigint' ? hex(r) : r;
}

/** The short form of a result for `shows`: error and fault names as in resultKind, numbers in hex. */
function showShort(r: Result | undefined): string {
  return typeof r === 'bigint' ? hex(r) : resultKind(r);
}

function opLabel(prog: Program | undefined, i: number): string {
  return prog?.ops[i]?.name ?? `op${i}`;
}

function at(prog: Program | undefined, i: number, what: string, shows: string, cls: DivergenceClass, detail: string): Divergence {
  return { class: cls, op: i, signature: `${opLabel(prog, i)} ${what}`, detail, what, shows };
}

export function compare(a: Trace, b: Trace, prog?: Program): Divergence | null {
  // a program one target cannot run says nothing about the other
  if (a.unsupported !== undefined || b.unsupported !== undefined) return null;
  const n = Math.min(a.results.length, b.results.length);
  for (let i = 0; i < n; i++) {
    const x = a.results[i];
    const y = b.results[i];
    if (x !== y) {
      const name = opLabel(prog, i);
      return at(prog, i, `result ${resultKind(x)}/${resultKind(y)}`, `result ${showShort(x)}/${showShort(y)}`, 'result', `op ${i} ${name}: ${show(x)} vs ${show(y)}`);
    }
  }
  if (a.crash || b.crash) {
    const i = Math.min(a.crash?.op ?? Infinity, b.crash?.op ?? Infinity);
    const side = (t: Trace) => (t.crash && t.crash.op === i ? 'throw' : resultKind(t.results[i]));
    const what = `crash ${side(a)}/${side(b)}`;
    return at(prog, i, what, what, 'crash', `op ${i} ${opLabel(prog, i)}: ${a.crash?.message ?? show(a.results[i])} vs ${b.crash?.message ?? show(b.results[i])}`);
  }
  if (a.results.length !== b.results.length) {
    return at(prog, n, 'crash length', `crash length ${a.results.length}/${b.results.length}`, 'crash', 'traces have different lengths');
  }
  return compareStates(a.state, b.state);
}

/** The first difference of two end states (processes in pid order, then frame contents). */
export function compareStates(sa: State, sb: State): Divergence | null {
  const pa = sa.processes;
  const pb = sb.processes;
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (!x || !y) return end('proc', 'proc.count', `proc.count ${pa.length}/${pb.length}`, 'different number of processes');
    const d = compareProc(x, y, sa, sb);
    if (d) return d;
  }
  const ca = sa.contents;
  const cb = sb.contents;
  for (let i = 0; i < Math.max(ca.length, cb.length); i++) {
    const x = ca[i];
    const y = cb[i];
    if (!x || !y || x.frame !== y.frame) {
      const f = x?.frame ?? y?.frame;
      return end('content', 'content', `content frame ${f} ${x ? 'data' : 'zero'}/${y ? 'data' : 'zero'}`, `frame ${f} has data on one side only`);
    }
    const wx = x.words;
    const wy = y.words;
    for (let j = 0; j < Math.max(wx.length, wy.length); j++) {
      const u = wx[j];
      const v = wy[j];
      if (!u || !v || u[0] !== v[0] || u[1] !== v[1]) {
        const off = u && v ? Math.min(u[0], v[0]) : (u ?? v)![0];
        const val = (w: FrameWordsOf, o: number) => hex(w.find((e) => e[0] === o)?.[1] ?? 0n);
        return end('content', 'content', `content frame ${x.frame}+${hex(BigInt(off))} ${val(wx, off)}/${val(wy, off)}`, `frame ${x.frame} word ${off}: ${val(wx, off)} vs ${val(wy, off)}`);
      }
    }
  }
  return null;
}

type FrameWordsOf = State['contents'][number]['words'];

function end(cls: DivergenceClass, what: string, shows: string, detail: string): Divergence {
  return { class: cls, op: null, signature: `end ${what}`, detail, what, shows };
}

function compareProc(x: ProcState, y: ProcState, sa: State, sb: State): Divergence | null {
  const p = `p${x.pid}`;
  if (x.alive !== y.alive) return end('proc', `proc.alive ${+x.alive}/${+y.alive}`, `proc.alive ${+x.alive}/${+y.alive} (${p})`, `${p} alive ${x.alive} vs ${y.alive}`);
  const v = compareVmas(x.vmas, y.vmas, p);
  if (v) return v;
  for (const k of ['brk', 'pkru', 'pkeys', 'ssp', 'shstk'] as const) {
    const show = (v: bigint | number) => (typeof v === 'bigint' ? hex(v) : `0x${v.toString(16)}`);
    if (x[k] !== y[k]) return end('proc', `proc.${k}`, `proc.${k} ${show(x[k])}/${show(y[k])} (${p})`, `${p} ${k} ${String(x[k])} vs ${String(y[k])}`);
  }
  return comparePtes(x.ptes, y.ptes, p, sa, sb) ?? comparePtTables(x, y, p);
}

/** Which 2 MiB blocks have a PTE table (ProcState.ptTables: THP machines only). */
function comparePtTables(x: ProcState, y: ProcState, p: string): Divergence | null {
  const xs = x.ptTables;
  const ys = y.ptTables;
  if (!xs || !ys) return null;
  for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
    if (xs[i] === ys[i]) continue;
    // the lower block is the one only one side has
    const only = ys[i] === undefined || (xs[i] !== undefined && xs[i] < ys[i]) ? 'a' : 'b';
    const block = only === 'a' ? xs[i] : ys[i];
    const what = only === 'a' ? 'pte.table 1/0' : 'pte.table 0/1';
    return end('pte', what, `${what} (${p} ${hex(block)})`, `${p} 2 MiB block ${hex(block)}: ${only === 'a' ? 'a PTE table vs none' : 'none vs a PTE table'}`);
  }
  return null;
}

function vmaText(v: VmaState | undefined): string {
  if (!v) return '(none)';
  const flags = VMF_NAMES.filter(([, bit]) => v.flags & bit).map(([n]) => n);
  return `${hex(v.start)}-${hex(v.end)} ${protString(v.prot)} pkey=${v.pkey}${flags.length ? ' ' + flags.join(',') : ''}`;
}

function compareVmas(xs: readonly VmaState[], ys: readonly VmaState[], p: string): Divergence | null {
  // Layout first, ignoring seals: a seal difference is its own class. Count and bounds
  // are one kind (layout), every VM flag another (flags): the names are in `shows`.
  const noSeal = (v: VmaState) => v.flags & ~VMF.SEALED;
  for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
    const x = xs[i];
    const y = ys[i];
    const detail = () => `${p} vma ${i}: ${vmaText(x)} vs ${vmaText(y)}`;
    if (!x || !y) return end('vma', 'vma.layout', `vma.count ${xs.length}/${ys.length} (${p})`, detail());
    if (x.start !== y.start || x.end !== y.end) return end('vma', 'vma.layout', `vma.bounds ${hex(x.start)}-${hex(x.end)}/${hex(y.start)}-${hex(y.end)} (${p} #${i})`, detail());
    if (x.prot !== y.prot) return end('vma', 'vma.prot', `vma.prot ${protString(x.prot)}/${protString(y.prot)} (${p} ${hex(x.start)})`, detail());
    if (x.pkey !== y.pkey) return end('vma', 'vma.pkey', `vma.pkey ${x.pkey}/${y.pkey} (${p} ${hex(x.start)})`, detail());
    if (noSeal(x) !== noSeal(y)) {
      const [name, bit] = VMF_NAMES.find(([, b]) => (x.flags ^ y.flags) & b)!;
      return end('vma', 'vma.flags', `vma.${name} ${x.flags & bit ? 1 : 0}/${y.flags & bit ? 1 : 0} (${p} ${hex(x.start)})`, detail());
    }
  }
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const y = ys[i];
    if ((x.flags ^ y.flags) & VMF.SEALED) {
      const what = `seal ${x.flags & VMF.SEALED ? 1 : 0}/${y.flags & VMF.SEALED ? 1 : 0}`;
      return end('seal', what, `${what} (${p} ${hex(x.start)})`, `${p} vma ${i}: ${vmaText(x)} vs ${vmaText(y)}`);
    }
  }
  return null;
}

/** A frame's kind for keys: the zero page, none, a guard marker, or a page mapped once (private) or more (shared). */
function frameKind(t: PteState, s: State): string {
  if (t.guard) return 'guard';
  if (t.frame === 'Z') return 'Z';
  if (t.frame === null) return 'none';
  let n = 0;
  for (const p of s.processes) for (const e of p.ptes) if (e.frame === t.frame) n++;
  return n > 1 ? 'shared' : 'private';
}

export function pteText(t: PteState | undefined): string {
  if (!t) return '(none)';
  if (t.guard) return 'guard-marker';
  const bits = PTE_BIT_NAMES.filter(([, b]) => (t.bits >> BigInt(b)) & 1n).map(([n]) => n);
  const pkey = Number((t.bits >> 59n) & 0xfn);
  if (pkey) bits.push(`PKEY=${pkey}`);
  return `${bits.join(' ')} frame=${t.frame}`;
}

function comparePtes(xs: readonly PteState[], ys: readonly PteState[], p: string, sa: State, sb: State): Divergence | null {
  let i = 0;
  let j = 0;
  while (i < xs.length || j < ys.length) {
    const x = xs[i];
    const y = ys[j];
    if (!y || (x && x.addr < y.addr)) return end('pte', 'pte.exists 1/0', `pte.exists 1/0 (${p} ${hex(x.addr)}: ${pteText(x)})`, `${p} ${hex(x.addr)}: ${pteText(x)} vs (none)`);
    if (!x || y.addr < x.addr) return end('pte', 'pte.exists 0/1', `pte.exists 0/1 (${p} ${hex(y.addr)}: ${pteText(y)})`, `${p} ${hex(y.addr)}: (none) vs ${pteText(y)}`);
    // the texts are built only for the difference (this loop visits every page of a trace)
    const where = () => `${p} ${hex(x.addr)}`;
    const detail = () => `${where()}: ${pteText(x)} vs ${pteText(y)}`;
    if (!!x.guard !== !!y.guard) return end('pte', `pte.guard ${+!!x.guard}/${+!!y.guard}`, `pte.guard ${+!!x.guard}/${+!!y.guard} (${where()})`, detail());
    if (x.bits !== y.bits) {
      for (const [name, b] of PTE_BIT_NAMES) {
        const bx = (x.bits >> BigInt(b)) & 1n;
        const by = (y.bits >> BigInt(b)) & 1n;
        if (bx !== by) return end('pte', `pte.${name} ${bx}/${by}`, `pte.${name} ${bx}/${by} (${where()})`, detail());
      }
      const k = (t: PteState) => Number((t.bits >> 59n) & 0xfn);
      return end('pte', 'pte.PKEY', `pte.PKEY ${k(x)}/${k(y)} (${where()})`, detail());
    }
    if (x.frame !== y.frame) {
      const kx = frameKind(x, sa);
      const ky = frameKind(y, sb);
      // same kinds (two private pages numbered apart) still differ in sharing elsewhere
      return end('pte', `pte.frame ${kx}/${ky}`, `pte.frame ${x.frame}/${y.frame} (${where()})`, detail());
    }
    i++;
    j++;
  }
  return null;
}
