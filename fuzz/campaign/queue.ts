// The campaign's in-memory corpus: programs that reached a feature no earlier program
// reached, mutated to make new programs. Bounded, so an overnight campaign's memory
// stays flat.
//
// Eviction rule: when the queue is full, a new entry replaces the entry with the
// most ops (the oldest among equals) if the new one has no more ops than it;
// otherwise the new entry is not kept. Its features still count as covered. Short
// programs are kept because they mutate into short witnesses and run faster.
//
// Scheduling (AFL++'s rare-feature idea): an entry is drawn in proportion to the rarity
// of what it reaches, the sum over its features of 1 / (programs that hit the feature),
// so the entries that reach what little else reaches are mutated most; one draw in four
// is uniform, so nothing starves.

import type { Rng } from '../rng.js';
import type { Seed } from '../seed.js';

export const DEFAULT_QUEUE_CAPACITY = 2048;

export class CorpusQueue {
  private readonly entries: Seed[] = [];
  /** Programs that hit each feature, over the whole campaign. */
  private readonly hits = new Map<string, number>();

  constructor(readonly capacity: number = DEFAULT_QUEUE_CAPACITY) {}

  get size(): number {
    return this.entries.length;
  }

  /** Adds a program; false when the eviction rule turned it away. */
  add(s: Seed): boolean {
    if (this.entries.length < this.capacity) {
      this.entries.push(s);
      return true;
    }
    let worst = 0;
    for (let i = 1; i < this.entries.length; i++) if (this.entries[i].prog.ops.length > this.entries[worst].prog.ops.length) worst = i;
    if (s.prog.ops.length > this.entries[worst].prog.ops.length) return false;
    this.entries[worst] = s;
    return true;
  }

  /** Counts a batch's feature hits. */
  countHits(hits: Iterable<readonly [string, number]>): void {
    for (const [f, n] of hits) this.hits.set(f, (this.hits.get(f) ?? 0) + n);
  }

  hitCounts(): Array<readonly [string, number]> {
    return [...this.hits];
  }

  private rarity(s: Seed): number {
    let w = 0;
    for (const f of s.features ?? []) w += 1 / (this.hits.get(f) ?? 1);
    return w;
  }

  /** Up to `k` entries drawn with replacement, most by rarity. */
  sample(rng: Rng, k: number): Seed[] {
    const out: Seed[] = [];
    const n = this.entries.length;
    if (!n) return out;
    const cum = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) cum[i] = total += this.rarity(this.entries[i]);
    for (let j = 0; j < k; j++) {
      if (total <= 0 || rng.chance(25)) {
        out.push(this.entries[rng.below(n)]);
        continue;
      }
      const x = (rng.u32() / 0x100000000) * total;
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cum[mid] > x) hi = mid;
        else lo = mid + 1;
      }
      out.push(this.entries[lo]);
    }
    return out;
  }

  all(): readonly Seed[] {
    return this.entries;
  }
}
