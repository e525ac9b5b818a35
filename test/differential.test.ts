// The model-based property: random memory-manager programs (all ops, several
// processes, forks) give identical traces on every pair of in-process targets, under
// every kernel profile both targets of the pair offer (model,impl: 6.18 and 6.10) —
// full compare(): results, VMAs, seals, PTE bits, frames and contents.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, print, type Op, type Program } from '../abi/index.js';
import { mmProgram } from '../fuzz/gen/program.js';
import { localTargetOf, pairSpecs } from '../fuzz/target.js';
import { profilePairs, TARGETS } from '../fuzz/targets.js';

const names = Object.keys(TARGETS).filter((t) => TARGETS[t].factory);
const pairs = names.flatMap((a, i) => names.slice(i + 1).flatMap((b) => profilePairs(a, b)));

describe.runIf(pairs.length > 0)('targets agree', () => {
  it.each(pairs)('%s on random programs', (spec) => {
    const [a, b] = pairSpecs(spec).map(localTargetOf);
    fc.assert(
      fc.property(mmProgram({ maxOps: 24 }), (prog) => {
        const d = compare(a.runSync(prog), b.runSync(prog), prog);
        if (d) throw new Error(`${d.signature}: ${d.detail}\n${print(prog)}`);
      }),
      { numRuns: Number(process.env.MMDIFF_PROPERTY_RUNS ?? 300), seed: Number(process.env.MMDIFF_SEED ?? 20261122) },
    );
  });
});

/**
 * The ops the generator does not produce yet (mem_write, signal, sigreturn: issue 15) spliced
 * into generated programs: each at a random place, by a process that exists there, at an
 * address an earlier result gives (plus a word-aligned or odd offset) or in the fixed arena.
 */
const NEW_OPS = fc.array(
  fc.record({
    at: fc.nat(),
    kind: fc.constantFrom('mem_write', 'signal', 'sigreturn'),
    base: fc.nat(),
    off: fc.oneof(fc.integer({ min: -2, max: 0x2100 }).map((n) => BigInt(n) * 8n), fc.constantFrom(-3n, 0xffdn, 0x1ffbn)),
    value: fc.oneof(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), fc.constant(0n)),
  }),
  { minLength: 1, maxLength: 6 },
);

function splice(prog: Program, adds: ReadonlyArray<{ at: number; kind: string; base: number; off: bigint; value: bigint }>): Program {
  const ops: Op[] = [...prog.ops];
  for (const a of adds) {
    const at = a.at % (ops.length + 1);
    const bound = ops.slice(0, at).flatMap((o) => (o.bind === undefined ? [] : [o.bind]));
    const procs = 1 + ops.slice(0, at).filter((o) => o.name === 'fork').length;
    const addr = bound.length ? [{ neg: false, ref: bound[a.base % bound.length] }, { neg: a.off < 0n, lit: a.off < 0n ? -a.off : a.off }] : 0x10000000n + (a.off & 0xffff8n);
    const args = a.kind === 'mem_write' ? [addr, a.value] : a.kind === 'signal' ? [addr] : [];
    ops.splice(at, 0, { name: a.kind as Op['name'], proc: a.base % procs, args });
  }
  return { ...prog, ops };
}

describe('targets agree on the ops the generator does not make yet', () => {
  it.each(pairs)('%s with mem_write, signal and sigreturn spliced in', (spec) => {
    const [a, b] = pairSpecs(spec).map(localTargetOf);
    fc.assert(
      fc.property(mmProgram({ maxOps: 20 }), NEW_OPS, (prog, adds) => {
        const p = splice(prog, adds);
        const d = compare(a.runSync(p), b.runSync(p), p);
        if (d) throw new Error(`${d.signature}: ${d.detail}\n${print(p)}`);
      }),
      { numRuns: Number(process.env.MMDIFF_PROPERTY_RUNS ?? 300), seed: Number(process.env.MMDIFF_SEED ?? 20261122) },
    );
  });
});

describe('profilePairs (the property above and `mmdiff smoke` run each)', () => {
  it('gives one pair per profile both targets offer, the default profile as the plain pair', () => {
    expect(profilePairs('model', 'impl')).toEqual(['model,impl', 'model@6.10,impl@6.10']);
    expect(profilePairs('impl', 'model')).toEqual(['impl,model', 'impl@6.10,model@6.10']);
  });
  it('keeps a pair that names a profile, or has none in common, as it is', () => {
    expect(profilePairs('model', 'model@6.10')).toEqual(['model,model@6.10']);
    expect(profilePairs('model', 'kernel')).toEqual(['model,kernel']);
  });
});
