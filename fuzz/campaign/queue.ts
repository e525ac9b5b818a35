// The campaign's in-memory corpus: programs (as recipes) that reached a feature no
// earlier program reached, mutated to make new programs. Bounded, so an overnight
// campaign's memory stays flat.
//
// Eviction rule: when the queue is full, a new entry replaces the entry with the
// most ops (the oldest among equals) if the new one has no more ops than it;
// otherwise the new entry is not kept. Its features still count as covered. Short
// programs are kept because they mutate into short witnesses and run faster.

import type { Recipe } from '../arbitrary/program.js';
import type { Rng } from '../rng.js';

export const DEFAULT_QUEUE_CAPACITY = 2048;

export class CorpusQueue {
  private readonly entries: Recipe[][] = [];

  constructor(readonly capacity: number = DEFAULT_QUEUE_CAPACITY) {}

  get size(): number {
    return this.entries.length;
  }

  /** Adds a program; false when the eviction rule turned it away. */
  add(recipes: Recipe[]): boolean {
    if (this.entries.length < this.capacity) {
      this.entries.push(recipes);
      return true;
    }
    let worst = 0;
    for (let i = 1; i < this.entries.length; i++) if (this.entries[i].length > this.entries[worst].length) worst = i;
    if (recipes.length > this.entries[worst].length) return false;
    this.entries[worst] = recipes;
    return true;
  }

  /** Up to `k` entries drawn with replacement. */
  sample(rng: Rng, k: number): Recipe[][] {
    const out: Recipe[][] = [];
    if (!this.entries.length) return out;
    for (let i = 0; i < k; i++) out.push(this.entries[rng.below(this.entries.length)]);
    return out;
  }

  all(): readonly Recipe[][] {
    return this.entries;
  }
}
