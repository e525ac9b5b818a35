// The generator's bias, made visible (fc.statistics prints the distribution) and
// checked: addresses mostly come from earlier results, every op and every advice
// appears, forks are followed by ops of the child.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MADV, OP_NAMES, OPS, type Program } from '../abi/index.js';
import { mmProgram } from '../fuzz/arbitrary/program.js';

const SAMPLE = 3000;
const progs: Program[] = fc.sample(mmProgram(), { numRuns: SAMPLE, seed: 4242 });

function addressArgs(p: Program) {
  const out: Array<'result' | 'literal'> = [];
  for (const op of p.ops) OPS[op.name].args.forEach((k, i) => k === 'addr' && out.push(typeof op.args[i] === 'bigint' ? 'literal' : 'result'));
  return out;
}

describe('generator distribution', () => {
  it('reports the distribution with fc.statistics (printed with MMDIFF_STATS=1)', () => {
    const lines: string[] = [];
    const logger = (l: string) => {
      lines.push(l);
      if (process.env.MMDIFF_STATS) console.log(l);
    };
    fc.statistics(mmProgram(), (p) => {
      const a = addressArgs(p);
      const share = a.length ? a.filter((x) => x === 'result').length / a.length : 0;
      return share >= 0.5 ? 'addresses mostly from results' : 'addresses mostly literal';
    }, { numRuns: 500, seed: 1, logger });
    fc.statistics(mmProgram(), (p) => [...new Set(p.ops.map((o) => o.name))], { numRuns: 500, seed: 1, logger });
    const text = lines.join('\n');
    expect(text).toMatch(/addresses mostly from results/);
    expect(text).toMatch(/mmap\.+\d+/);
  });

  it('takes most addresses from earlier results once any exist', () => {
    let fromResults = 0;
    let literal = 0;
    for (const p of progs) {
      const firstBind = p.ops.findIndex((o) => o.bind !== undefined);
      if (firstBind < 0) continue;
      for (const op of p.ops.slice(firstBind + 1)) {
        OPS[op.name].args.forEach((k, i) => {
          if (k !== 'addr') return;
          if (typeof op.args[i] === 'bigint') literal++;
          else fromResults++;
        });
      }
    }
    expect(fromResults / (fromResults + literal)).toBeGreaterThan(0.55);
  });

  it('generates every op of the memory manager and every madvise advice', () => {
    const seen = new Set(progs.flatMap((p) => p.ops.map((o) => o.name)));
    const mm = OP_NAMES.filter((n) => !['map_shadow_stack', 'arch_prctl', 'call', 'ret', 'wrss', 'rstorssp', 'saveprevssp', 'incssp', 'trampfd_create', 'trampfd_write_code', 'trampfd_write_data', 'close'].includes(n));
    expect([...mm].filter((n) => !seen.has(n))).toEqual([]);
    const advice = new Set(progs.flatMap((p) => p.ops.filter((o) => o.name === 'madvise').map((o) => o.args[2] as bigint)));
    expect(Object.values(MADV).filter((v) => !advice.has(BigInt(v)))).toEqual([]);
  });

  it('runs child processes after forks and produces misaligned and wrapping values', () => {
    expect(progs.some((p) => p.ops.some((o) => o.proc > 0))).toBe(true);
    const lits = progs.flatMap((p) => p.ops.flatMap((o) => o.args.filter((a): a is bigint => typeof a === 'bigint')));
    expect(lits.some((v) => v > 0n && v % 0x1000n !== 0n && v < 0x100000000n)).toBe(true);
    expect(lits.some((v) => v >= 1n << 63n)).toBe(true);
  });
});
