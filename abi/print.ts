// The printer of the `.mm` text format (DESIGN.md "Programs and the .mm text format").
// print(parse(x)) === x holds for every text this printer produced.

import { OPS } from './ops.js';
import type { Arg, MachineConfig, Op, Program } from './program.js';
import { DEFAULT_MACHINE } from './program.js';
import { formatResult } from './result.js';
import { printValue } from './symbols.js';
import { hex, signedHex } from './values.js';

export const FORMAT_HEADER = '# mmdiff 1';

function printArg(a: Arg, kind: Parameters<typeof printValue>[1]): string {
  if (typeof a === 'bigint') return printValue(a, kind);
  let s = '';
  a.forEach((t, i) => {
    if (i > 0) s += t.neg ? '-' : '+';
    else if (t.neg) s += '-';
    s += t.ref !== undefined ? `r${t.ref}` : i === 0 ? signedHex(t.lit as bigint) : hex(t.lit as bigint);
  });
  return s;
}

export function printOp(op: Op): string {
  const spec = OPS[op.name];
  let s = '';
  if (op.bind !== undefined) s += `r${op.bind} = `;
  if (op.proc !== 0) s += `p${op.proc}: `;
  s += `${op.name}(${op.args.map((a, i) => printArg(a, spec.args[i])).join(', ')})`;
  if (op.expect !== undefined) s += ` = ${formatResult(op.expect, spec.returns)}`;
  if (op.note !== undefined) s += ` #${op.note}`;
  return s;
}

const MACHINE_KEYS: ReadonlyArray<keyof MachineConfig> = [
  'profile', 'pku', 'shstk', 'mmapBase', 'mmapMinAddr', 'maxMapCount', 'brkStart', 'thp', 'memoryFailure', 'zeroPage', 'ramSwap',
  'hugePages', 'gbPages',
];

export function printMachine(m: Partial<MachineConfig>): string | null {
  const parts: string[] = [];
  for (const k of MACHINE_KEYS) {
    const v = m[k];
    if (v === undefined || v === DEFAULT_MACHINE[k]) continue;
    parts.push(`${k}=${typeof v === 'bigint' ? hex(v) : typeof v === 'boolean' ? (v ? 1 : 0) : v}`);
  }
  if (m.reserved?.length) {
    parts.push(`reserved=${m.reserved.map((r) => `${hex(r.start)}-${hex(r.end)}${r.growsdown ? ':growsdown' : ''}`).join(',')}`);
  }
  return parts.length ? `# machine ${parts.join(' ')}` : null;
}

export function print(p: Program): string {
  const lines = [FORMAT_HEADER];
  if (p.machine) {
    const m = printMachine(p.machine);
    if (m) lines.push(m);
  }
  for (const op of p.ops) {
    for (const c of op.lead ?? []) lines.push(`#${c}`);
    lines.push(printOp(op));
  }
  for (const c of p.trailer ?? []) lines.push(`#${c}`);
  return lines.join('\n') + '\n';
}
