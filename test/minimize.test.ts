// The minimizer's pieces on synthetic failures: ddmin, op removal with rN and
// process fix-ups, argument simplification.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evalArg, parse, print, type Program } from '../abi/index.js';
import { mmProgram } from '../fuzz/gen/program.js';
import { ddmin } from '../fuzz/minimize/ddmin.js';
import { normalizeBindings, removeOps } from '../fuzz/minimize/edit.js';
import { minimize } from '../fuzz/minimize/index.js';

describe('ddmin', () => {
  it('finds the 1-minimal subset that keeps the failure', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.nat({ max: 40 }), { minLength: 1, maxLength: 4 }), fc.nat({ max: 40 }), async (needed, extra) => {
        const n = Math.max(...needed, extra) + 1;
        const all = Array.from({ length: n }, (_, i) => i);
        const got = await ddmin(all, (keep) => needed.every((x) => keep.includes(x)));
        expect([...got].sort((a, b) => a - b)).toEqual([...needed].sort((a, b) => a - b));
      }),
    );
  });
});

describe('removeOps', () => {
  const prog = parse([
    'r0 = mmap(NULL, 0x2000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)',
    'r1 = fork()',
    'p1: write(r0+0x1000, 1)',
    'r2 = fork()',
    'p2: munmap(r0, 0x1000)',
    'p1: fork()',
    'p3: read(r0)',
    '',
  ].join('\n'));
  const values = new Map([[0, 0x7ffff7ffd000n], [1, 1n], [2, 2n]]);

  it('replaces uses of a removed binding by its value', () => {
    const p = removeOps(prog, new Set([0]), values);
    expect(p.ops[1].args[0]).toBe(0x7ffff7ffe000n);
    expect(() => parse(print(p))).not.toThrow();
  });

  it('drops a removed fork\'s child ops and renumbers later processes', () => {
    const p = removeOps(prog, new Set([1]), values);
    // p1 is gone with its fork (and so is p1's fork of p3); p2 becomes p1
    expect(print(p).split('\n').slice(1, -1)).toEqual([
      'r0 = mmap(NULL, 0x2000, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)',
      'r2 = fork()',
      'p1: munmap(r0, 0x1000)',
    ]);
  });

  it('always yields a parseable program that means the same for kept ops', () => {
    fc.assert(
      fc.property(mmProgram({ maxOps: 20 }), fc.array(fc.nat({ max: 19 })), (p, dropList) => {
        const values = new Map<number, bigint>();
        p.ops.forEach((op, i) => op.bind !== undefined && values.set(op.bind, 0x10000000n + BigInt(i) * 0x1000n));
        const q = removeOps(p, new Set(dropList), values);
        expect(print(parse(print(q)))).toBe(print(q));
        expect(print(parse(print(normalizeBindings(q))))).toBe(print(normalizeBindings(q)));
        // the ops kept (not dropped, nor in the process of a dropped fork) are the same calls:
        // same op, every argument the same number once the registers hold the run's values
        const survivors: number[] = [];
        const gone = new Set<number>();
        let forks = 0;
        p.ops.forEach((op, i) => {
          if (op.name === 'fork') forks++;
          if (gone.has(op.proc) || dropList.includes(i)) {
            if (op.name === 'fork') gone.add(forks);
            return;
          }
          survivors.push(i);
        });
        expect(q.ops.map((o) => o.name)).toEqual(survivors.map((i) => p.ops[i].name));
        survivors.forEach((i, k) => {
          expect(q.ops[k].args.map((a) => evalArg(a, values))).toEqual(p.ops[i].args.map((a) => evalArg(a, values)));
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('minimize', () => {
  // A synthetic bug: "mprotect after mseal, in process 0, of a length above 0x1000".
  const bug = (p: Program) => {
    const seal = p.ops.findIndex((o) => o.name === 'mseal' && o.proc === 0);
    return seal >= 0 && p.ops.some((o, i) => i > seal && o.name === 'mprotect' && o.proc === 0 && evalArg(o.args[1], new Map()) > 0x1000n);
  };
  it('shrinks to the two ops that matter with simplest arguments', async () => {
    const prog = parse([
      'r0 = mmap(NULL, 0x4000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE, -1, 0)',
      'write(r0, 0x41)',
      'r1 = fork()',
      'p1: write(r0, 0x42)',
      'mseal(r0+0x1000, 0x1000, 0)',
      'madvise(r0, 0x4000, MADV_DONTNEED)',
      'mprotect(0x7ffff7ffb000, 0x3000, PROT_READ|PROT_EXEC)',
      'p1: read(r0)',
      '',
    ].join('\n'));
    const r = await minimize(prog, { fails: bug, bindings: () => new Map([[0, 0x7ffff7ffb000n], [1, 1n]]) });
    expect(print(r.prog)).toBe('# mmdiff 1\nmseal(NULL, 0, 0)\nmprotect(NULL, 0x2000, PROT_NONE)\n');
    expect([r.opsBefore, r.opsAfter]).toEqual([8, 2]);
  });
});
