// Whole-machine invariants of the impl under fuzz-shaped programs: the B-tree is
// well-formed, every PTE lies inside a VMA, frame reference counts equal the PTEs and
// shmem objects holding them, writable private PTEs map exclusive pages, and no PTE is
// W=0 with D=1 (the Dirty → SavedDirty shift).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MACHINE, machineOf, type Program } from '../abi/index.js';
import { mmProgram } from '../fuzz/arbitrary/program.js';
import { ImplMachine } from '../impl/machine.js';
import * as pte from '../impl/pte.js';
import { ZERO_FRAME } from '../impl/frames.js';
import { VMF } from '../abi/vmflags.js';
import { evalArg } from '../abi/program.js';

function run(prog: Program): ImplMachine {
  const m = new ImplMachine(machineOf(prog));
  const regs = new Map<number, bigint>();
  for (const op of prog.ops) {
    const args = op.args.map((a) => evalArg(a, regs));
    const r = m.alive(op.proc) ? m.exec(op.proc, op.name, args) : '-ESRCH';
    if (op.bind !== undefined) regs.set(op.bind, typeof r === 'bigint' ? r : 0n);
  }
  return m;
}

let seenFrames = 0;

function check(m: ImplMachine): void {
  const k = m.k;
  const refs = new Map<number, number>();
  const add = (f: number) => refs.set(f, (refs.get(f) ?? 0) + 1);
  for (const p of k.procs) {
    if (!p.alive) continue;
    p.tree.check();
    const vp = k.vp;
    const spans: Array<[number, number, number]> = [];
    for (let r = p.tree.first(); r >= 0; r = p.tree.next(r)) spans.push([vp.vs[r], vp.ve[r], r]);
    for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThanOrEqual(spans[i - 1][1]);
    k.pt.walk(p.pgd, 0, 2 ** 35, (_c, t, i0, i1, base) => {
      for (let i = i0; i < i1; i++) {
        const l = k.pt.L[2 * (t * 512 + i)];
        const h = k.pt.L[2 * (t * 512 + i) + 1];
        if (l === 0 && h === 0) continue;
        const vpn = base + i;
        const span = spans.find(([s, e]) => s <= vpn && vpn < e);
        expect(span, `PTE at page ${vpn.toString(16)} outside every VMA`).toBeDefined();
        if (pte.isGuard(l, h)) continue;
        expect((l & pte.RW) === 0 && (l & pte.D) !== 0, 'W=0 D=1').toBe(false);
        const f = pte.pfnOf(l, h);
        if (f === ZERO_FRAME) continue;
        add(f);
        const r = span![2];
        if (!(vp.fl[r] & VMF.SHARED) && l & pte.RW) expect(k.fr.ref[f], 'writable private PTE on a shared page').toBe(1);
      }
    }, null);
  }
  // shmem objects hold one reference on each of their pages
  const shm = k.shm as unknown as { roots: number[]; users: number[]; lookup(id: number, off: number): number };
  for (let id = 1; id < shm.roots.length; id++) {
    if (!shm.users[id]) continue;
    for (let off = 0; off < 4096; off++) {
      const f = shm.lookup(id, off);
      if (f >= 0) add(f);
    }
  }
  seenFrames += refs.size;
  for (const [f, n] of refs) expect(k.fr.ref[f], `frame ${f}`).toBe(n);
  expect(k.fr.live).toBe(refs.size);
}

describe('impl machine invariants', () => {
  it('hold after random programs', () => {
    fc.assert(
      fc.property(mmProgram({ maxOps: 32 }), (prog) => {
        check(run(prog));
      }),
      { numRuns: 400, seed: 42 },
    );
    expect(seenFrames).toBeGreaterThan(10); // the programs do map and write memory
  });

  it('hold without pkeys and under the 6.10 profile', () => {
    for (const machine of [{ pku: false }, { profile: '6.10' as const }]) {
      fc.assert(
        fc.property(mmProgram({ maxOps: 32, machine }), (prog) => {
          check(run({ ...prog, machine: { ...DEFAULT_MACHINE, ...machine } }));
        }),
        { numRuns: 150 },
      );
    }
  });
});
