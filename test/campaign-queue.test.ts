// The campaign's queue: it keeps at most its capacity under the documented eviction
// rule, draws entries by the rarity of what they reach, and the timeline is thinned
// past its limit.

import fc from 'fast-check';
import { expect, it } from 'vitest';
import { thinTimeline } from '../fuzz/campaign/checkpoint.js';
import { CorpusQueue } from '../fuzz/campaign/queue.js';
import { Rng } from '../fuzz/rng.js';
import type { Seed } from '../fuzz/seed.js';

const prog = (ops: number, tag: number, features: string[] = []): Seed => ({
  prog: { ops: Array.from({ length: ops }, () => ({ name: 'exit' as const, proc: 0, args: [BigInt(tag)] })) },
  features,
});

it('never holds more than its capacity, and evicts the longest program (oldest first) for a no longer one', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 8 }), fc.array(fc.integer({ min: 1, max: 10 }), { maxLength: 60 }), (cap, lengths) => {
      const q = new CorpusQueue(cap);
      const ref: Seed[] = [];
      lengths.forEach((len, i) => {
        const p = prog(len, i);
        const kept = q.add(p);
        if (ref.length < cap) ref.push(p);
        else {
          const worst = ref.reduce((w, x, j) => (x.prog.ops.length > ref[w].prog.ops.length ? j : w), 0);
          expect(kept).toBe(len <= ref[worst].prog.ops.length);
          if (kept) ref[worst] = p;
        }
        expect(q.size).toBe(Math.min(cap, i + 1));
      });
      expect(q.all()).toEqual(ref);
    }),
  );
});

it('draws the entries that reach rare features most often, and every entry now and then', () => {
  const q = new CorpusQueue(16);
  const common = prog(1, 0, ['mmap:new-vma']);
  const rare = prog(1, 1, ['mmap:new-vma', 'fault:cow-copy+pkey']);
  q.add(common);
  q.add(rare);
  q.countHits([['mmap:new-vma', 10_000], ['fault:cow-copy+pkey', 3]]);
  const drawn = q.sample(new Rng(7), 2000);
  const nRare = drawn.filter((s) => s === rare).length;
  // three draws in four by rarity (almost all rare), one in four uniform
  expect(nRare / drawn.length).toBeGreaterThan(0.8);
  expect(drawn.filter((s) => s === common).length).toBeGreaterThan(100);
});

it('thins the timeline to at most about its limit, keeping the first and last points', () => {
  let t: number[] = [];
  for (let i = 0; i < 10_000; i++) t = thinTimeline([...t, i], 100);
  expect(t.length).toBeLessThanOrEqual(101);
  expect(t[0]).toBe(0);
  expect(t[t.length - 1]).toBe(9999);
});
