// Human-readable differences between two traces: the results side by side with the
// first divergence marked, then the state that differs (VMAs, seals, PTE bits by
// name, frame contents). `traceRows` and `stateDifferences` are the data; `sideBySide`
// and `stateDiff` print it for `mmdiff repro`, and the HTML report renders the same
// data, so the terminal and the report never disagree about what differs.

import { formatResult, hex, OPS, printOp, protString, pteText, VMF, vmFlagNames, type Divergence, type Program, type Trace, type VmaState } from '../abi/index.js';

export function vmaLine(v: VmaState): string {
  return `${hex(v.start)}-${hex(v.end)} ${protString(v.prot)}${v.pkey ? ` pkey=${v.pkey}` : ''} ${vmFlagNames(v.flags).join(',')}`.trimEnd();
}

export interface TraceRow {
  readonly index: number;
  /** The op as printed in `.mm`, without its expectation. */
  readonly op: string;
  readonly a: string;
  readonly b: string;
  /** `first`: the first divergent op; `differs`: the results differ. */
  readonly mark: 'first' | 'differs' | '';
}

export function traceRows(prog: Program, a: Trace, b: Trace, d: Divergence | null): TraceRow[] {
  return prog.ops.map((op, i) => {
    const k = OPS[op.name].returns;
    const ra = i < a.results.length ? formatResult(a.results[i], k) : a.crash?.op === i ? 'CRASH' : '';
    const rb = i < b.results.length ? formatResult(b.results[i], k) : b.crash?.op === i ? 'CRASH' : '';
    const mark = d?.op === i ? 'first' : ra !== rb ? 'differs' : '';
    return { index: i, op: printOp({ ...op, expect: undefined, note: undefined, lead: undefined }), a: ra, b: rb, mark };
  });
}

export function sideBySide(prog: Program, a: Trace, b: Trace, names: [string, string], d: Divergence | null): string {
  const marks = { first: '>>', differs: '!=', '': '' } as const;
  const rows: string[][] = [['', 'op', names[0], names[1]]];
  for (const r of traceRows(prog, a, b, d)) rows.push([marks[r.mark], `${r.index} ${r.op}`, r.a, r.b]);
  const w = [2, 0, 0, 0];
  for (const r of rows) for (let j = 1; j < 4; j++) w[j] = Math.max(w[j], r[j].length);
  w[1] = Math.min(w[1], 90);
  return rows.map((r) => [r[0].padEnd(2), r[1].slice(0, 90).padEnd(w[1]), r[2].padEnd(w[2]), r[3]].join('  ').trimEnd()).join('\n') + '\n';
}

/** One line of a VMA list diff: in both traces, only in the first (`a`) or only in the second (`b`). */
export interface VmaDiffLine {
  readonly text: string;
  readonly side: 'both' | 'a' | 'b';
}

export type StateDifference =
  | { readonly kind: 'process-missing'; readonly pid: number; readonly onlyIn: 'a' | 'b' }
  | { readonly kind: 'register'; readonly pid: number; readonly field: string; readonly a: string; readonly b: string }
  | { readonly kind: 'vmas'; readonly pid: number; readonly lines: readonly VmaDiffLine[] }
  | { readonly kind: 'seal'; readonly pid: number; readonly a: readonly string[]; readonly b: readonly string[] }
  | { readonly kind: 'pte'; readonly pid: number; readonly addr: bigint; readonly a: readonly string[]; readonly b: readonly string[] }
  /** A 2 MiB block with a PTE table in one trace only (ProcState.ptTables). */
  | { readonly kind: 'pt-table'; readonly pid: number; readonly addr: bigint; readonly onlyIn: 'a' | 'b' }
  | { readonly kind: 'content'; readonly frame: number; readonly offset: number; readonly a: bigint; readonly b: bigint }
  | { readonly kind: 'crash'; readonly side: 'a' | 'b'; readonly op: number; readonly message: string };

/** Sealed address ranges, adjacent sealed VMAs joined: how a seal diff reads best. */
function sealedRanges(vmas: readonly VmaState[]): string[] {
  const out: Array<[bigint, bigint]> = [];
  for (const v of vmas) {
    if (!(v.flags & VMF.SEALED)) continue;
    const last = out[out.length - 1];
    if (last && last[1] === v.start) last[1] = v.end;
    else out.push([v.start, v.end]);
  }
  return out.map(([s, e]) => `${hex(s)}-${hex(e)}`);
}

/** A PTE as its named parts (`P RW D PKEY=1 frame=3`, `guard-marker`, `(none)`). */
function pteParts(t: Parameters<typeof pteText>[0]): string[] {
  return pteText(t).split(' ');
}

/** Every state difference (not only the first), in a fixed order: by process, then frames, then crashes. */
export function stateDifferences(a: Trace, b: Trace): StateDifference[] {
  const out: StateDifference[] = [];
  const pids = new Set([...a.state.processes.map((p) => p.pid), ...b.state.processes.map((p) => p.pid)]);
  for (const pid of [...pids].sort((x, y) => x - y)) {
    const pa = a.state.processes.find((p) => p.pid === pid);
    const pb = b.state.processes.find((p) => p.pid === pid);
    if (!pa || !pb) {
      out.push({ kind: 'process-missing', pid, onlyIn: pa ? 'a' : 'b' });
      continue;
    }
    for (const k of ['alive', 'brk', 'pkru', 'pkeys', 'ssp', 'shstk'] as const) {
      if (pa[k] !== pb[k]) out.push({ kind: 'register', pid, field: k, a: String(pa[k]), b: String(pb[k]) });
    }
    const va = pa.vmas.map(vmaLine);
    const vb = pb.vmas.map(vmaLine);
    if (va.join('\n') !== vb.join('\n')) {
      const lines: VmaDiffLine[] = va.map((text) => ({ text, side: vb.includes(text) ? 'both' : 'a' }));
      for (const text of vb) if (!va.includes(text)) lines.push({ text, side: 'b' });
      out.push({ kind: 'vmas', pid, lines });
    }
    const sa = sealedRanges(pa.vmas);
    const sb = sealedRanges(pb.vmas);
    if (sa.join() !== sb.join()) out.push({ kind: 'seal', pid, a: sa, b: sb });
    const addrs = new Set([...pa.ptes.map((e) => e.addr), ...pb.ptes.map((e) => e.addr)]);
    for (const addr of [...addrs].sort((x, y) => (x < y ? -1 : 1))) {
      const ta = pteParts(pa.ptes.find((e) => e.addr === addr));
      const tb = pteParts(pb.ptes.find((e) => e.addr === addr));
      if (ta.join(' ') !== tb.join(' ')) out.push({ kind: 'pte', pid, addr, a: ta, b: tb });
    }
    // PTE tables, when both traces list them (THP machines, not the kernel)
    if (pa.ptTables && pb.ptTables) {
      const ka = new Set(pa.ptTables);
      const kb = new Set(pb.ptTables);
      for (const addr of [...new Set([...ka, ...kb])].sort((x, y) => (x < y ? -1 : 1))) {
        if (ka.has(addr) !== kb.has(addr)) out.push({ kind: 'pt-table', pid, addr, onlyIn: ka.has(addr) ? 'a' : 'b' });
      }
    }
  }
  const frames = new Set([...a.state.contents.map((c) => c.frame), ...b.state.contents.map((c) => c.frame)]);
  for (const frame of [...frames].sort((x, y) => x - y)) {
    const ca = a.state.contents.find((c) => c.frame === frame)?.words ?? [];
    const cb = b.state.contents.find((c) => c.frame === frame)?.words ?? [];
    const offs = new Set([...ca.map((w) => w[0]), ...cb.map((w) => w[0])]);
    for (const offset of [...offs].sort((x, y) => x - y)) {
      const x = ca.find((w) => w[0] === offset)?.[1] ?? 0n;
      const y = cb.find((w) => w[0] === offset)?.[1] ?? 0n;
      if (x !== y) out.push({ kind: 'content', frame, offset, a: x, b: y });
    }
  }
  if (a.crash) out.push({ kind: 'crash', side: 'a', ...a.crash });
  if (b.crash) out.push({ kind: 'crash', side: 'b', ...b.crash });
  return out;
}

function diffText(d: StateDifference, names: [string, string]): string[] {
  const name = (s: 'a' | 'b') => names[s === 'a' ? 0 : 1];
  switch (d.kind) {
    case 'process-missing':
      return [`p${d.pid}: only in ${name(d.onlyIn)}`];
    case 'register':
      return [`p${d.pid} ${d.field}: ${names[0]} ${d.a}  ${names[1]} ${d.b}`];
    case 'vmas':
      return [
        `p${d.pid} VMAs:`,
        ...d.lines.filter((l) => l.side !== 'b').map((l) => `  ${l.side === 'both' ? ' ' : '-'} ${l.text}`),
        ...d.lines.filter((l) => l.side === 'b').map((l) => `  + ${l.text}`),
        `  (- only in ${names[0]}, + only in ${names[1]})`,
      ];
    case 'seal':
      return [`p${d.pid} sealed: ${names[0]} ${d.a.join(' ') || '(none)'}  |  ${names[1]} ${d.b.join(' ') || '(none)'}`];
    case 'pte':
      return [`p${d.pid} pte ${hex(d.addr)}: ${names[0]} ${d.a.join(' ')}  |  ${names[1]} ${d.b.join(' ')}`];
    case 'pt-table':
      return [`p${d.pid} PTE table of the 2 MiB block ${hex(d.addr)}: only in ${name(d.onlyIn)}`];
    case 'content':
      return [`frame ${d.frame} +${hex(BigInt(d.offset))}: ${names[0]} ${hex(d.a)}  ${names[1]} ${hex(d.b)}`];
    case 'crash':
      return [`${name(d.side)} crashed at op ${d.op}: ${d.message}`];
  }
}

/** Lines describing every state difference (not only the first). */
export function stateDiff(a: Trace, b: Trace, names: [string, string]): string[] {
  return stateDifferences(a, b).flatMap((d) => diffText(d, names));
}
