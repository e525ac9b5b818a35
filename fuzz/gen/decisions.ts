// Where the generator's decisions come from: the raw numbers of a recipe (what
// fast-check and jsfuzz produce and shrink), or a seeded Rng (campaigns). Every
// resolver asks only for "an index below k", "one of these, with weights" or "a
// chance", so the same resolvers serve both.

import type { Rng } from '../rng.js';

export abstract class Decisions {
  /** A raw 16-bit number. */
  abstract next(): number;

  /** An index below `k`. */
  pick(k: number): number {
    return this.next() % k;
  }

  /** One of the values, with weights. */
  weighted<T>(opts: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const o of opts) total += o[1];
    let x = this.next() % total;
    for (const [v, w] of opts) {
      if (x < w) return v;
      x -= w;
    }
    return opts[0][0];
  }

  chance(percent: number): boolean {
    return this.next() % 100 < percent;
  }
}

/** A recipe's numbers, consumed in order; decisions beyond them wrap around. */
export class RecipeDecisions extends Decisions {
  private i = 0;
  constructor(private readonly n: readonly number[]) {
    super();
  }
  next(): number {
    return this.n.length ? this.n[this.i++ % this.n.length] : 0;
  }
}

/** A seeded Rng's numbers. */
export class RngDecisions extends Decisions {
  constructor(private readonly rng: Rng) {
    super();
  }
  next(): number {
    return this.rng.below(0x10000);
  }
}
