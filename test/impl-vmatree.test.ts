// The VMA B-tree against a sorted array: insert, delete, splits and merges (start/end
// changes), ordered walks, lookups and the gap searches of unmapped_area*.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VmaPool } from '../impl/vma.js';
import { VmaTree } from '../impl/vmatree.js';

interface Model {
  vs: number;
  ve: number;
  rec: number;
}

function build() {
  const pool = new VmaPool(4);
  const tree = new VmaTree(pool, 2);
  const ref: Model[] = [];
  const sort = () => ref.sort((a, b) => a.vs - b.vs);
  const add = (vs: number, ve: number) => {
    if (ve <= vs || ref.some((m) => m.vs < ve && vs < m.ve)) return;
    const rec = pool.alloc(vs, ve, vs, 0, 0, 0, 0);
    tree.insert(rec);
    ref.push({ vs, ve, rec });
    sort();
  };
  return { pool, tree, ref, add, sort };
}

function bruteHighest(ref: Model[], len: number, low: number, high: number): number {
  // the end of the highest free interval (clipped to [low, high)) of >= len pages
  const gaps: Array<[number, number]> = [];
  let prev = 0;
  for (const m of ref) {
    gaps.push([prev, m.vs]);
    prev = m.ve;
  }
  gaps.push([prev, Infinity]);
  for (let i = gaps.length - 1; i >= 0; i--) {
    const a = Math.max(gaps[i][0], low);
    const b = Math.min(gaps[i][1], high);
    if (b - a >= len) return b;
  }
  return -1;
}

function bruteLowest(ref: Model[], len: number, low: number, high: number): number {
  let prev = 0;
  const gaps: Array<[number, number]> = [];
  for (const m of ref) {
    gaps.push([prev, m.vs]);
    prev = m.ve;
  }
  gaps.push([prev, Infinity]);
  for (const [x, y] of gaps) {
    const a = Math.max(x, low);
    const b = Math.min(y, high);
    if (b - a >= len) return a;
  }
  return -1;
}

describe('impl VMA tree', () => {
  it('behaves like a sorted array under random operations', () => {
    const op = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 40 }), fc.nat());
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const { pool, tree, ref, add, sort } = build();
        for (const [kind, a, len, pick] of ops) {
          const m = ref.length ? ref[pick % ref.length] : undefined;
          switch (kind) {
            case 0:
            case 1:
              add(a, a + len);
              break;
            case 2: // delete
              if (!m) break;
              tree.remove(m.rec);
              pool.release(m.rec);
              ref.splice(ref.indexOf(m), 1);
              break;
            case 3: {
              // split at a page inside
              if (!m || m.ve - m.vs < 2) break;
              const at = m.vs + 1 + (pick % (m.ve - m.vs - 1));
              const end = m.ve;
              pool.ve[m.rec] = at;
              tree.endChanged(m.rec);
              m.ve = at;
              const n = pool.alloc(at, end, at, 0, 0, 0, 0);
              tree.insert(n);
              ref.push({ vs: at, ve: end, rec: n });
              sort();
              break;
            }
            case 4: {
              // merge with the next VMA when adjacent, else grow up to it
              if (!m) break;
              const i = ref.indexOf(m);
              const nx = ref[i + 1];
              if (nx && nx.vs === m.ve) {
                tree.remove(nx.rec);
                ref.splice(i + 1, 1);
                pool.ve[m.rec] = nx.ve;
                m.ve = nx.ve;
                tree.endChanged(m.rec);
              } else {
                const lim = nx ? nx.vs : m.ve + len;
                pool.ve[m.rec] = lim;
                m.ve = lim;
                tree.endChanged(m.rec);
              }
              break;
            }
            case 5: {
              // move the start down into free space (stack growth / merge-right)
              if (!m) break;
              const i = ref.indexOf(m);
              const floor = i > 0 ? ref[i - 1].ve : 0;
              const s = Math.max(floor, m.vs - len);
              tree.remove(m.rec);
              pool.vs[m.rec] = s;
              tree.insert(m.rec);
              m.vs = s;
              break;
            }
          }
        }
        tree.check();
        // ordered walk
        const walked: number[] = [];
        for (let r = tree.first(); r >= 0; r = tree.next(r)) walked.push(r);
        expect(walked).toEqual(ref.map((m) => m.rec));
        const back: number[] = [];
        for (let r = tree.last(); r >= 0; r = tree.prev(r)) back.push(r);
        expect(back).toEqual(ref.map((m) => m.rec).reverse());
        // lookups and gap searches at a few probes
        for (const [, a, len] of ops.slice(0, 20)) {
          const containing = ref.find((m) => m.vs <= a && a < m.ve);
          expect(tree.find(a)).toBe(containing ? containing.rec : -1);
          const after = ref.find((m) => m.ve > a);
          expect(tree.findVma(a)).toBe(after ? after.rec : -1);
          const lb = ref.find((m) => m.vs >= a);
          expect(tree.lowerBound(a)).toBe(lb ? lb.rec : -1);
          const low = Math.min(a, 1500);
          const high = low + 200 + len * 20;
          expect(tree.highestFree(len, low, high)).toBe(bruteHighest(ref, len, low, high));
          expect(tree.lowestFree(len, low, high)).toBe(bruteLowest(ref, len, low, high));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('holds max_map_count VMAs with logarithmic depth', () => {
    const { pool, tree } = build();
    const n = 65530;
    for (let i = 0; i < n; i++) tree.insert(pool.alloc(i * 3, i * 3 + 2, 0, 0, 0, 0, 0));
    tree.check();
    expect(tree.size).toBe(n);
    expect(tree.find(3 * 40000 + 1)).toBeGreaterThan(0);
    expect(tree.find(3 * 40000 + 2)).toBe(-1);
    expect(tree.highestFree(2, 0, 3 * n)).toBe(-1);
    expect(tree.highestFree(1, 0, 3 * n)).toBe(3 * n);
    expect(tree.highestFree(1, 0, 3 * n - 1)).toBe(3 * n - 3);
    for (let r = tree.first(); r >= 0; ) {
      const nx = tree.next(r);
      if (pool.vs[r] % 2 === 0) tree.remove(r);
      r = nx;
    }
    tree.check();
    expect(tree.size).toBe(n / 2);
  });
});
