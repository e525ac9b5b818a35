// The generator's bias, made visible (fc.statistics prints the distribution) and
// checked: addresses mostly come from earlier results, every op and every advice
// appears, forks are followed by ops of the child, shadow-stack and trampfd programs
// appear in a fair share and reach the interesting paths on the model.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJump, MADV, OP_NAMES, OPS, runProgram, type Program } from '../abi/index.js';
import { buildProgram, flavorOf, mmProgram } from '../fuzz/gen/program.js';
import { SHSTK_OPS, TRAMPFD_OPS } from '../fuzz/gen/table.js';
import { randomRecipes } from '../fuzz/mutate.js';
import { Rng } from '../fuzz/rng.js';
import { createModel } from '../model/index.js';

const SAMPLE = 3000;
const progs: Program[] = fc.sample(mmProgram(), { numRuns: SAMPLE, seed: 4242 });

/** Ops the generator does not produce yet (issue 15 added them; the generator's owner adds them next). */
/** call/ret/signal take a return address: a code value, not memory the program mapped. */
function isMemoryAddress(name: string, i: number): boolean {
  return OPS[name as keyof typeof OPS].args[i] === 'addr' && name !== 'call' && name !== 'ret' && name !== 'signal';
}

function addressArgs(p: Program) {
  const out: Array<'result' | 'literal'> = [];
  for (const op of p.ops) op.args.forEach((a, i) => isMemoryAddress(op.name, i) && out.push(typeof a === 'bigint' ? 'literal' : 'result'));
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
        op.args.forEach((a, i) => {
          if (!isMemoryAddress(op.name, i)) return;
          if (typeof a === 'bigint') literal++;
          else fromResults++;
        });
      }
    }
    expect(fromResults / (fromResults + literal)).toBeGreaterThan(0.55);
  });

  it('generates every op and every madvise advice', () => {
    const seen = new Set(progs.flatMap((p) => p.ops.map((o) => o.name)));
    expect(OP_NAMES.filter((n) => !seen.has(n))).toEqual([]);
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

describe('shadow-stack and trampfd programs', () => {
  // what campaigns run: recipes from the uniform Rng (fast-check's sampler favours small numbers)
  const rng = new Rng(2024);
  const recipes = Array.from({ length: 1500 }, () => randomRecipes(rng, 32));
  const built = recipes.map((r) => buildProgram(r));
  const ops = built.flatMap((p) => p.ops);
  const share = (names: readonly string[]) => ops.filter((o) => names.includes(o.name)).length / ops.length;

  it('gives each family a fair share of programs and ops', () => {
    const flavors = recipes.map(flavorOf);
    const frac = (f: string) => flavors.filter((x) => x === f).length / flavors.length;
    expect(frac('mm')).toBeGreaterThan(0.6);
    expect(frac('shstk')).toBeGreaterThan(0.1);
    expect(frac('trampfd')).toBeGreaterThan(0.1);
    expect(share(SHSTK_OPS)).toBeGreaterThan(0.07);
    expect(share(TRAMPFD_OPS)).toBeGreaterThan(0.05);
    // the memory manager's own ops still make up most of the work
    expect(share(SHSTK_OPS) + share(TRAMPFD_OPS)).toBeLessThan(0.3);
  });

  it('runs shadow-stack programs on a CET machine, and only those', () => {
    const cet = built.filter((p) => p.machine?.shstk);
    expect(cet.length / built.length).toBeGreaterThan(0.1);
    expect(cet.every((p) => p.ops.some((o) => SHSTK_OPS.includes(o.name)))).toBe(true);
    // some stay on a machine without CET (ENOSYS / EINVAL / #UD paths)
    expect(built.some((p, i) => flavorOf(recipes[i]) === 'shstk' && !p.machine?.shstk && p.ops.some((o) => SHSTK_OPS.includes(o.name)))).toBe(true);
  });

  it('mostly returns to the address of an earlier call', () => {
    let matched = 0;
    let rets = 0;
    for (const p of built) {
      const pending: bigint[] = [];
      for (const o of p.ops) {
        if (o.name === 'call') pending.push(o.args[0] as bigint);
        if (o.name === 'ret' && pending.length) {
          rets++;
          if (o.args[0] === pending.pop()) matched++;
        }
      }
    }
    expect(rets).toBeGreaterThan(100);
    expect(matched / rets).toBeGreaterThan(0.6);
  });

  it('maps trampfds, executes their slots and pivots onto other shadow stacks on the model', () => {
    const hits = new Map<string, number>();
    const cov = { hit: (f: string) => hits.set(f, (hits.get(f) ?? 0) + 1) };
    let jumps = 0;
    for (const p of built) {
      const t = runProgram(createModel, p, cov);
      expect(t.crash).toBeUndefined();
      jumps += t.results.filter(isJump).length;
    }
    expect(jumps).toBeGreaterThan(5);
    for (const f of [
      'trampfd:create', 'trampfd:code', 'trampfd:data', 'mmap:trampfd', 'trampfd:page-fill', 'trampfd:exec', 'trampfd:mmap-EEXIST',
      'shstk:enable', 'shstk:map-token', 'shstk:wrss-enable', 'shstk-insn:call', 'shstk-insn:ret', 'shstk-insn:ret-CP', 'shstk-insn:wrss',
      'shstk-insn:rstorssp', 'shstk-insn:saveprevssp', 'shstk-insn:incssp', 'fork:wrprotect-shstk', 'mprotect:shstk-readonly',
    ]) {
      expect(hits.get(f) ?? 0, f).toBeGreaterThan(0);
    }
  });
});

describe('huge-page programs', () => {
  const rng = new Rng(2025);
  const recipes = Array.from({ length: 1500 }, () => randomRecipes(rng, 32));
  const thp = recipes.filter((r) => flavorOf(r) === 'thp').map((r) => buildProgram(r));
  const SZ_2M = 0x200000n;

  it('opens most with 2 MiB blocks under MADV_HUGEPAGE and a touch inside them', () => {
    expect(thp.length / recipes.length).toBeGreaterThan(0.05);
    const opened = thp.filter((p) => {
      const [m, a, w] = p.ops;
      return m?.name === 'mmap' && (m.args[1] as bigint) >= SZ_2M && a?.name === 'madvise' && a.args[2] === BigInt(MADV.HUGEPAGE) && w?.name === 'write';
    });
    expect(opened.length / thp.length).toBeGreaterThan(0.5);
  });

  it('collapses, splits and zaps blocks on the model: MADV_COLLAPSE meets blocks, ranges cover parts of them', () => {
    const hits = new Map<string, number>();
    const cov = { hit: (f: string) => hits.set(f, (hits.get(f) ?? 0) + 1) };
    let partial = 0;
    for (const p of thp) {
      const t = runProgram(createModel, p, cov);
      expect(t.crash).toBeUndefined();
      for (const o of p.ops) if (['munmap', 'mprotect', 'madvise'].includes(o.name) && typeof o.args[1] === 'bigint' && o.args[1] % SZ_2M !== 0n) partial++;
    }
    expect(partial).toBeGreaterThan(100);
    const collapses = [...hits].filter(([f]) => f.startsWith('madvise:collapse') && !f.includes('thp-disabled')).reduce((n, [, k]) => n + k, 0);
    expect(collapses).toBeGreaterThan(40);
  });
});
