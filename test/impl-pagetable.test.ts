// The radix page table against a Map reference: walk / set / clear, and tables are
// freed when they become empty.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PageTable } from '../impl/pagetable.js';
import * as pte from '../impl/pte.js';

const VPN_MAX = 2 ** 35 - 1;

function entries(pt: PageTable, root: number, vs: number, ve: number): Map<number, [number, number]> {
  const out = new Map<number, [number, number]>();
  pt.walk(root, vs, ve, (_c, t, i0, i1, base) => {
    for (let i = i0; i < i1; i++) {
      const s = t * 512 + i;
      if (pt.L[2 * s] || pt.L[2 * s + 1]) out.set(base + i, [pt.L[2 * s], pt.L[2 * s + 1]]);
    }
  }, null);
  return out;
}

describe('impl page table', () => {
  it('set, lookup and walk agree with a map', () => {
    const vpn = fc.oneof(fc.integer({ min: 0, max: 4096 }), fc.integer({ min: 0, max: VPN_MAX }), fc.constantFrom(511, 512, 2 ** 18 - 1, 2 ** 18, 2 ** 27, VPN_MAX));
    const op = fc.tuple(fc.boolean(), vpn, fc.integer({ min: 1, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const pt = new PageTable(2, 2);
        const root = pt.newRoot();
        const ref = new Map<number, [number, number]>();
        for (const [set, v, lo, hi] of ops) {
          if (set) {
            pt.set(pt.ensure(root, v), lo, hi);
            ref.set(v, [lo, hi]);
          } else {
            const s = pt.slot(root, v);
            if (s >= 0) pt.set(s, 0, 0);
            ref.delete(v);
            pt.walk(root, v, v + 1, () => {}, null); // frees tables that became empty
          }
        }
        for (const [v, [lo, hi]] of ref) {
          const s = pt.slot(root, v);
          expect(s).toBeGreaterThanOrEqual(0);
          expect([pt.L[2 * s], pt.L[2 * s + 1]]).toEqual([lo, hi]);
        }
        const all = entries(pt, root, 0, VPN_MAX + 1);
        expect([...all.keys()].sort((a, b) => a - b)).toEqual([...ref.keys()].sort((a, b) => a - b));
        // a sub-range walk sees exactly the entries inside it
        const lo = ops.length ? ops[0][1] : 0;
        const sub = entries(pt, root, lo, lo + 1000);
        expect([...sub.keys()].sort((a, b) => a - b)).toEqual([...ref.keys()].filter((v) => v >= lo && v < lo + 1000).sort((a, b) => a - b));
      }),
      { numRuns: 200 },
    );
  });

  it('frees every table when the last entry is cleared', () => {
    const pt = new PageTable(2, 2);
    const root = pt.newRoot();
    const vpns = [0, 1, 511, 512, 2 ** 18, 2 ** 27 + 5, VPN_MAX];
    for (const v of vpns) pt.set(pt.ensure(root, v), 1, 0);
    expect(pt.leafCount).toBe(5);
    for (const v of vpns) pt.set(pt.slot(root, v), 0, 0);
    pt.walk(root, 0, VPN_MAX + 1, () => {}, null);
    expect(pt.leafCount).toBe(0);
    expect(pt.dirCount).toBe(1); // only the root remains
    expect(pt.slot(root, 0)).toBe(-1);
  });
});

describe('impl PTE encoding', () => {
  it('keeps the PFN across presence changes (inverted when not present)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 - 1 }), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 15 }), (pfn, prot, key) => {
        const l = pte.mkLo(pfn, pte.protLo(prot, false));
        const h = pte.mkHi(pfn, pte.protLo(prot, false), pte.protHi(prot, key));
        expect(pte.pfnOf(l, h)).toBe(pfn);
        expect(pte.pkeyOf(h)).toBe(prot ? key : key);
        const o = [0, 0];
        pte.modify(l, h, pte.protLo(prot ^ 7, false), pte.protHi(prot ^ 7, key), o);
        expect(pte.pfnOf(o[0], o[1])).toBe(pfn);
      }),
    );
  });

  it('moves Dirty to SavedDirty when write access goes away and back', () => {
    const pl = (pte.P | pte.RW | pte.US | pte.A | pte.D) >>> 0;
    const o = [0, 0];
    pte.modify(pl, pte.NX_HI, pte.protLo(1, false), pte.protHi(1, 0), o);
    expect(o[0] & pte.RW).toBe(0);
    expect(o[0] & pte.D).toBe(0);
    expect(o[1] & pte.SD_HI).not.toBe(0);
    // RO → PROT_NONE keeps SavedDirty (old W=0: clear_saveddirty only acts on W=1)
    pte.modify(o[0], o[1], pte.protLo(0, false), pte.protHi(0, 0), o);
    expect(o[0] & pte.P).toBe(0);
    expect(o[0] & pte.PROTNONE).not.toBe(0);
    expect(o[1] & pte.SD_HI).not.toBe(0);
    // shared RW: the dirtiness comes back to D
    pte.modify(o[0], o[1], pte.protLo(3, true), pte.protHi(3, 0), o);
    expect(o[0] & (pte.RW | pte.D)).toBe(pte.RW | pte.D);
    expect(o[1] & pte.SD_HI).toBe(0);
  });
});
