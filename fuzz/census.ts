// What a campaign's programs cover, so a blind spot is visible: ops, argument classes
// (addresses from results or literals, lengths by size class), machine parameters, and
// the model's rules reached — against every rule the model's source names, so the
// rules never reached are listed by name.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MACHINE, OPS, runProgram, type Arg, type Program } from '../abi/index.js';
import { createModel } from '../model/index.js';

export interface Census {
  readonly programs: number;
  readonly ops: Record<string, number>;
  /** Address arguments by kind, length arguments by size class. */
  readonly addresses: Record<string, number>;
  readonly lengths: Record<string, number>;
  /** Programs per machine parameter value (the default counted too). */
  readonly machine: Record<string, number>;
  /** Model rules (features with a ':') reached, with the number of programs reaching each. */
  readonly rules: Record<string, number>;
  /** Rules the model's source names that no program reached, and how many it names. */
  readonly unreached: readonly string[];
  readonly named: number;
}

const PAGE = 0x1000n;
const SZ_2M = 0x200000n;

export function addressClass(a: Arg): string {
  if (typeof a !== 'bigint') return a.length === 1 ? 'result' : 'result+offset';
  if (a === 0n) return 'null';
  if (a & (PAGE - 1n)) return 'unaligned literal';
  if (a >= 1n << 47n) return 'non-canonical/kernel';
  return 'literal';
}

export function lengthClass(a: Arg): string {
  if (typeof a !== 'bigint') return 'expression';
  if (a === 0n) return '0';
  if (a >= 1n << 63n) return 'wrapping (≥ 2^63)';
  if (a & (PAGE - 1n)) return a < PAGE ? 'under a page' : 'unaligned';
  const pages = a / PAGE;
  if (pages <= 16n) return '1-16 pages';
  if (a === SZ_2M) return '2 MiB';
  if (a === SZ_2M - PAGE || a === SZ_2M + PAGE) return '2 MiB ± 1 page';
  if (a < SZ_2M) return '17-511 pages';
  if (a >= 1n << 30n) return 'huge (≥ 1 GiB)';
  return a % SZ_2M === 0n ? 'multiple of 2 MiB' : 'over 2 MiB, not a multiple';
}

/** Every literal rule name in the model's hit() calls. */
export function modelRules(): string[] {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'model');
  const rules = new Set<string>();
  const files = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(d, e.name)) : e.name.endsWith('.ts') || e.name.endsWith('.js') ? [join(d, e.name)] : []));
  for (const f of files(dir)) {
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      if (!line.includes('hit(')) continue;
      for (const m of line.matchAll(/'([a-z0-9_]+(?:-[a-z0-9_]+)*:[A-Za-z0-9_+-]+)'/g)) rules.add(m[1]);
    }
  }
  return [...rules].sort();
}

const bump = (r: Record<string, number>, k: string, n = 1) => void (r[k] = (r[k] ?? 0) + n);

export function census(progs: readonly Program[]): Census {
  const ops: Record<string, number> = {};
  const addresses: Record<string, number> = {};
  const lengths: Record<string, number> = {};
  const machine: Record<string, number> = {};
  const rules: Record<string, number> = {};
  for (const p of progs) {
    for (const op of p.ops) {
      bump(ops, op.name);
      OPS[op.name].args.forEach((kind, i) => {
        const a = op.args[i];
        if (a === undefined) return;
        if (kind === 'addr' && op.name !== 'call' && op.name !== 'ret' && op.name !== 'signal') bump(addresses, addressClass(a));
        // mmap's offset and arch_prctl's argument share the type, not the meaning
        if (kind === 'len' && !(op.name === 'mmap' && i === 5) && op.name !== 'arch_prctl') bump(lengths, lengthClass(a));
      });
    }
    const m = { ...DEFAULT_MACHINE, ...p.machine };
    const smallMap = m.maxMapCount < 100 ? `${m.maxMapCount <= 16 ? '8-16' : '17-64'}` : String(m.maxMapCount);
    for (const [k, v] of [['maxMapCount', smallMap], ['pku', m.pku], ['thp', m.thp], ['shstk', m.shstk], ['memoryFailure', m.memoryFailure], ['zeroPage', m.zeroPage], ['profile', m.profile]] as const) bump(machine, `${k}=${v}`);
    const seen = new Set<string>();
    runProgram(createModel, p, { hit: (f) => void seen.add(f.replace(/\+(pkey|shstk)$/, '')) });
    for (const f of seen) bump(rules, f);
  }
  const named = modelRules();
  const unreached = named.filter((r) => !(r in rules));
  return { programs: progs.length, ops, addresses, lengths, machine, rules, unreached, named: named.length };
}

/** The census as text: one table per part, most frequent first. */
export function censusText(c: Census): string {
  const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`.padStart(6);
  const table = (title: string, r: Record<string, number>, of: number) => {
    const rows = Object.entries(r).sort((a, b) => b[1] - a[1]);
    const w = Math.max(...rows.map(([k]) => k.length), 4);
    return [`${title}`, ...rows.map(([k, n]) => `  ${k.padEnd(w)}  ${String(n).padStart(8)}  ${pct(n, of)}`)].join('\n');
  };
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  return [
    `census of ${c.programs.toLocaleString('en')} programs`,
    table('ops (share of all ops)', c.ops, sum(c.ops)),
    table('address arguments', c.addresses, sum(c.addresses)),
    table('length arguments', c.lengths, sum(c.lengths)),
    table('machine parameters (share of programs)', c.machine, c.programs),
    `model rules reached: ${c.named - c.unreached.length} of the ${c.named} the model's source names (${Object.keys(c.rules).length} features in all, with those named at run time)`,
    ...(c.unreached.length ? [[`never reached:`, ...c.unreached.map((r) => `  ${r}`)].join('\n')] : []),
  ].join('\n\n') + '\n';
}
