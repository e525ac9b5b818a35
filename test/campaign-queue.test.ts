// The campaign's memory bounds: the in-memory corpus keeps at most its capacity
// under the documented eviction rule, and the timeline is thinned past its limit.

import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { Recipe } from '../fuzz/arbitrary/program.js';
import { thinTimeline } from '../fuzz/campaign/checkpoint.js';
import { CorpusQueue } from '../fuzz/campaign/queue.js';

const prog = (ops: number, tag: number): Recipe[] => Array.from({ length: ops }, () => ({ op: tag, proc: 0, n: [] }));

it('never holds more than its capacity, and evicts the longest program (oldest first) for a no longer one', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 8 }), fc.array(fc.integer({ min: 1, max: 10 }), { maxLength: 60 }), (cap, lengths) => {
      const q = new CorpusQueue(cap);
      const ref: Recipe[][] = [];
      lengths.forEach((len, i) => {
        const p = prog(len, i);
        const kept = q.add(p);
        if (ref.length < cap) ref.push(p);
        else {
          const worst = ref.reduce((w, x, j) => (x.length > ref[w].length ? j : w), 0);
          expect(kept).toBe(len <= ref[worst].length);
          if (kept) ref[worst] = p;
        }
        expect(q.size).toBe(Math.min(cap, i + 1));
      });
      expect(q.all()).toEqual(ref);
    }),
  );
});

it('thins the timeline to at most about its limit, keeping the first and last points', () => {
  let t: number[] = [];
  for (let i = 0; i < 10_000; i++) t = thinTimeline([...t, i], 100);
  expect(t.length).toBeLessThanOrEqual(101);
  expect(t[0]).toBe(0);
  expect(t[t.length - 1]).toBe(9999);
});
