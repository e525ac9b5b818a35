// Human-readable differences between two traces: the results side by side with the
// first divergence marked, then the state that differs (VMAs, PTE bits by name,
// frame contents). Used by `mmdiff repro` and the reports.

import { formatResult, hex, OPS, printOp, protString, pteText, vmFlagNames, type Divergence, type Program, type Trace, type VmaState } from '../abi/index.js';

function vmaLine(v: VmaState): string {
  return `${hex(v.start)}-${hex(v.end)} ${protString(v.prot)}${v.pkey ? ` pkey=${v.pkey}` : ''} ${vmFlagNames(v.flags).join(',')}`.trimEnd();
}

export function sideBySide(prog: Program, a: Trace, b: Trace, names: [string, string], d: Divergence | null): string {
  const rows: string[][] = [['', 'op', names[0], names[1]]];
  prog.ops.forEach((op, i) => {
    const k = OPS[op.name].returns;
    const ra = i < a.results.length ? formatResult(a.results[i], k) : a.crash?.op === i ? 'CRASH' : '';
    const rb = i < b.results.length ? formatResult(b.results[i], k) : b.crash?.op === i ? 'CRASH' : '';
    const mark = d?.op === i ? '>>' : ra !== rb ? '!=' : '';
    rows.push([mark, `${i} ${printOp({ ...op, expect: undefined, note: undefined, lead: undefined })}`, ra, rb]);
  });
  const w = [2, 0, 0, 0];
  for (const r of rows) for (let j = 1; j < 4; j++) w[j] = Math.max(w[j], r[j].length);
  w[1] = Math.min(w[1], 90);
  return rows.map((r) => [r[0].padEnd(2), r[1].slice(0, 90).padEnd(w[1]), r[2].padEnd(w[2]), r[3]].join('  ').trimEnd()).join('\n') + '\n';
}

/** Lines describing every state difference (not only the first). */
export function stateDiff(a: Trace, b: Trace, names: [string, string]): string[] {
  const out: string[] = [];
  const pids = new Set([...a.state.processes.map((p) => p.pid), ...b.state.processes.map((p) => p.pid)]);
  for (const pid of [...pids].sort((x, y) => x - y)) {
    const pa = a.state.processes.find((p) => p.pid === pid);
    const pb = b.state.processes.find((p) => p.pid === pid);
    if (!pa || !pb) {
      out.push(`p${pid}: only in ${pa ? names[0] : names[1]}`);
      continue;
    }
    for (const k of ['alive', 'brk', 'pkru', 'pkeys', 'ssp', 'shstk'] as const) {
      if (pa[k] !== pb[k]) out.push(`p${pid} ${k}: ${names[0]} ${String(pa[k])}  ${names[1]} ${String(pb[k])}`);
    }
    const va = pa.vmas.map(vmaLine);
    const vb = pb.vmas.map(vmaLine);
    if (va.join('\n') !== vb.join('\n')) {
      out.push(`p${pid} VMAs:`);
      for (const l of va) out.push(`  ${vb.includes(l) ? ' ' : '-'} ${l}`);
      for (const l of vb) if (!va.includes(l)) out.push(`  + ${l}`);
      out.push(`  (- only in ${names[0]}, + only in ${names[1]})`);
    }
    const addrs = new Set([...pa.ptes.map((e) => e.addr), ...pb.ptes.map((e) => e.addr)]);
    for (const addr of [...addrs].sort((x, y) => (x < y ? -1 : 1))) {
      const ea = pa.ptes.find((e) => e.addr === addr);
      const eb = pb.ptes.find((e) => e.addr === addr);
      const ta = pteText(ea);
      const tb = pteText(eb);
      if (ta !== tb) out.push(`p${pid} pte ${hex(addr)}: ${names[0]} ${ta}  |  ${names[1]} ${tb}`);
    }
  }
  const frames = new Set([...a.state.contents.map((c) => c.frame), ...b.state.contents.map((c) => c.frame)]);
  for (const f of [...frames].sort((x, y) => x - y)) {
    const ca = a.state.contents.find((c) => c.frame === f)?.words ?? [];
    const cb = b.state.contents.find((c) => c.frame === f)?.words ?? [];
    const offs = new Set([...ca.map((w) => w[0]), ...cb.map((w) => w[0])]);
    for (const off of [...offs].sort((x, y) => x - y)) {
      const x = ca.find((w) => w[0] === off)?.[1] ?? 0n;
      const y = cb.find((w) => w[0] === off)?.[1] ?? 0n;
      if (x !== y) out.push(`frame ${f} +${hex(BigInt(off))}: ${names[0]} ${hex(x)}  ${names[1]} ${hex(y)}`);
    }
  }
  if (a.crash) out.push(`${names[0]} crashed at op ${a.crash.op}: ${a.crash.message}`);
  if (b.crash) out.push(`${names[1]} crashed at op ${b.crash.op}: ${b.crash.message}`);
  return out;
}
