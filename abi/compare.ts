// Exact comparison of two traces: the first divergence, its class and a signature
// (op, class, the two values' kinds) that buckets divergences by distinct bug.

import { PTE_BIT_NAMES } from './constants.js';
import type { Program } from './program.js';
import { isFault, isJump, type Result } from './result.js';
import type { PteState, ProcState, Trace, VmaState } from './trace.js';
import { VMF, VMF_NAMES, protString } from './vmflags.js';
import { hex } from './values.js';

/** `proc` covers per-process registers (brk, PKRU, SSP, pkey bitmap, liveness). */
export type DivergenceClass = 'result' | 'vma' | 'seal' | 'pte' | 'content' | 'crash' | 'proc' | 'invariant';

export interface Divergence {
  readonly class: DivergenceClass;
  /** Index of the op whose result differs; null for end-state divergences. */
  readonly op: number | null;
  /** Bucket key: `mprotect result -EPERM/0`, `end pte.D 1/0`. */
  readonly signature: string;
  /** A human-readable description of both sides. */
  readonly detail: string;
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

function opLabel(prog: Program | undefined, i: number): string {
  return prog?.ops[i]?.name ?? `op${i}`;
}

export function compare(a: Trace, b: Trace, prog?: Program): Divergence | null {
  // a program one target cannot run says nothing about the other
  if (a.unsupported !== undefined || b.unsupported !== undefined) return null;
  const n = Math.min(a.results.length, b.results.length);
  for (let i = 0; i < n; i++) {
    if (a.results[i] !== b.results[i]) {
      const name = opLabel(prog, i);
      return {
        class: 'result',
        op: i,
        signature: `${name} result ${resultKind(a.results[i])}/${resultKind(b.results[i])}`,
        detail: `op ${i} ${name}: ${show(a.results[i])} vs ${show(b.results[i])}`,
      };
    }
  }
  if (a.crash || b.crash) {
    const at = Math.min(a.crash?.op ?? Infinity, b.crash?.op ?? Infinity);
    const name = opLabel(prog, at);
    const side = (t: Trace) => (t.crash && t.crash.op === at ? 'throw' : resultKind(t.results[at]));
    return {
      class: 'crash',
      op: at,
      signature: `${name} crash ${side(a)}/${side(b)}`,
      detail: `op ${at} ${name}: ${a.crash?.message ?? show(a.results[at])} vs ${b.crash?.message ?? show(b.results[at])}`,
    };
  }
  if (a.results.length !== b.results.length) {
    return { class: 'crash', op: n, signature: `${opLabel(prog, n)} crash length`, detail: 'traces have different lengths' };
  }
  return compareStates(a, b);
}

function compareStates(a: Trace, b: Trace): Divergence | null {
  const pa = a.state.processes;
  const pb = b.state.processes;
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (!x || !y) return end('proc', `proc.count ${pa.length}/${pb.length}`, 'different number of processes');
    const d = compareProc(x, y);
    if (d) return d;
  }
  const ca = a.state.contents;
  const cb = b.state.contents;
  for (let i = 0; i < Math.max(ca.length, cb.length); i++) {
    const x = ca[i];
    const y = cb[i];
    if (!x || !y || x.frame !== y.frame) {
      return end('content', `content.frame ${x ? 'data' : 'zero'}/${y ? 'data' : 'zero'}`, `frame ${x?.frame ?? y?.frame} has data on one side only`);
    }
    const wx = x.words;
    const wy = y.words;
    for (let j = 0; j < Math.max(wx.length, wy.length); j++) {
      const u = wx[j];
      const v = wy[j];
      if (!u || !v || u[0] !== v[0] || u[1] !== v[1]) {
        return end('content', 'content.word', `frame ${x.frame} word ${u ? u[0] : v![0]}: ${u ? hex(u[1]) : '0'} vs ${v ? hex(v[1]) : '0'}`);
      }
    }
  }
  return null;
}

function end(cls: DivergenceClass, what: string, detail: string): Divergence {
  return { class: cls, op: null, signature: `end ${what}`, detail };
}

function compareProc(x: ProcState, y: ProcState): Divergence | null {
  const p = `p${x.pid}`;
  if (x.alive !== y.alive) return end('proc', `proc.alive ${+x.alive}/${+y.alive}`, `${p} alive ${x.alive} vs ${y.alive}`);
  const v = compareVmas(x.vmas, y.vmas, p);
  if (v) return v;
  for (const k of ['brk', 'pkru', 'pkeys', 'ssp', 'shstk'] as const) {
    if (x[k] !== y[k]) return end('proc', `proc.${k}`, `${p} ${k} ${String(x[k])} vs ${String(y[k])}`);
  }
  return comparePtes(x.ptes, y.ptes, p);
}

function vmaText(v: VmaState | undefined): string {
  if (!v) return '(none)';
  const flags = VMF_NAMES.filter(([, bit]) => v.flags & bit).map(([n]) => n);
  return `${hex(v.start)}-${hex(v.end)} ${protString(v.prot)} pkey=${v.pkey}${flags.length ? ' ' + flags.join(',') : ''}`;
}

function compareVmas(xs: readonly VmaState[], ys: readonly VmaState[], p: string): Divergence | null {
  // Layout first, ignoring seals: a seal difference is its own class.
  const noSeal = (v: VmaState) => v.flags & ~VMF.SEALED;
  for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
    const x = xs[i];
    const y = ys[i];
    const detail = () => `${p} vma ${i}: ${vmaText(x)} vs ${vmaText(y)}`;
    // signatures name what differs, not the values, so one cause makes one bucket
    if (!x || !y) return end('vma', `vma.count ${xs.length < ys.length ? 'fewer' : 'more'}`, detail());
    if (x.start !== y.start || x.end !== y.end) return end('vma', 'vma.bounds', detail());
    if (x.prot !== y.prot) return end('vma', 'vma.prot', detail());
    if (x.pkey !== y.pkey) return end('vma', 'vma.pkey', detail());
    if (noSeal(x) !== noSeal(y)) {
      const [name, bit] = VMF_NAMES.find(([, b]) => (x.flags ^ y.flags) & b)!;
      return end('vma', `vma.${name} ${x.flags & bit ? 1 : 0}/${y.flags & bit ? 1 : 0}`, detail());
    }
  }
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const y = ys[i];
    if ((x.flags ^ y.flags) & VMF.SEALED) {
      return end('seal', `seal ${x.flags & VMF.SEALED ? 1 : 0}/${y.flags & VMF.SEALED ? 1 : 0}`, `${p} vma ${i}: ${vmaText(x)} vs ${vmaText(y)}`);
    }
  }
  return null;
}

function frameKind(f: PteState['frame'], guard: boolean | undefined): string {
  if (guard) return 'guard';
  return f === 'Z' ? 'Z' : f === null ? 'none' : 'page';
}

export function pteText(t: PteState | undefined): string {
  if (!t) return '(none)';
  if (t.guard) return 'guard-marker';
  const bits = PTE_BIT_NAMES.filter(([, b]) => (t.bits >> BigInt(b)) & 1n).map(([n]) => n);
  const pkey = Number((t.bits >> 59n) & 0xfn);
  if (pkey) bits.push(`PKEY=${pkey}`);
  return `${bits.join(' ')} frame=${t.frame}`;
}

function comparePtes(xs: readonly PteState[], ys: readonly PteState[], p: string): Divergence | null {
  let i = 0;
  let j = 0;
  while (i < xs.length || j < ys.length) {
    const x = xs[i];
    const y = ys[j];
    if (!y || (x && x.addr < y.addr)) return end('pte', 'pte.exists 1/0', `${p} ${hex(x.addr)}: ${pteText(x)} vs (none)`);
    if (!x || y.addr < x.addr) return end('pte', 'pte.exists 0/1', `${p} ${hex(y.addr)}: (none) vs ${pteText(y)}`);
    const detail = () => `${p} ${hex(x.addr)}: ${pteText(x)} vs ${pteText(y)}`;
    if (!!x.guard !== !!y.guard) return end('pte', `pte.guard ${+!!x.guard}/${+!!y.guard}`, detail());
    if (x.bits !== y.bits) {
      for (const [name, b] of PTE_BIT_NAMES) {
        const bx = (x.bits >> BigInt(b)) & 1n;
        const by = (y.bits >> BigInt(b)) & 1n;
        if (bx !== by) return end('pte', `pte.${name} ${bx}/${by}`, detail());
      }
      return end('pte', 'pte.PKEY', detail());
    }
    if (x.frame !== y.frame) {
      return end('pte', `pte.frame ${frameKind(x.frame, x.guard)}/${frameKind(y.frame, y.guard)}`, detail());
    }
    i++;
    j++;
  }
  return null;
}
