// What each batch runs with — its queue sample and how many of the known features it is
// told about — is fixed when the batch falls due (batch i when batch i − window has
// merged), whether it is dispatched then or the campaign is stopping. The checkpoint
// keeps the plans of the batches not merged yet, and the goal of a --runs run, so a
// campaign killed (or interrupted) and resumed runs exactly the batches, and finds
// exactly the buckets, of the campaign that was never stopped.

import { loadSeed, storeSeed, type Seed, type StoredSeed } from '../seed.js';

export interface Plan {
  /** The first `known` features in the campaign's order of discovery. */
  readonly known: number;
  readonly corpus: readonly Seed[];
}

export interface StoredPlan {
  readonly batch: number;
  readonly known: number;
  readonly corpus: readonly StoredSeed[];
}

/** A --runs run: `runs` programs from batch `startBatch`, when the campaign had run `startPrograms`. */
export interface RunGoal {
  readonly startBatch: number;
  readonly startPrograms: number;
  readonly runs: number;
}

/** Batches of a run: the last batch index (exclusive), and the size of batch i. */
export function goalBatches(g: RunGoal, batchSize: number): number {
  return g.startBatch + Math.ceil(g.runs / batchSize);
}
export function batchCount(g: RunGoal | undefined, batchSize: number, i: number): number {
  return g ? Math.max(0, Math.min(batchSize, g.runs - (i - g.startBatch) * batchSize)) : batchSize;
}

export class BatchPlans {
  private readonly plans = new Map<number, Plan>();
  /** The next batch to plan. */
  private next: number;

  constructor(firstBatch: number, stored: readonly StoredPlan[] = []) {
    this.next = firstBatch;
    for (const p of stored) {
      if (p.batch < firstBatch) continue;
      this.plans.set(p.batch, { known: p.known, corpus: p.corpus.map(loadSeed) });
      this.next = Math.max(this.next, p.batch + 1);
    }
  }

  /** Plans the batches now due: below `total`, fewer than `window` ahead of `merged`. */
  plan(merged: number, window: number, total: number, make: (i: number) => Plan): void {
    for (; this.next < total && this.next < merged + window; this.next++) this.plans.set(this.next, make(this.next));
  }

  /** Batch i's plan (planned first if it was not: a resumed run with a wider window). */
  get(i: number, make: () => Plan): Plan {
    let p = this.plans.get(i);
    if (!p) this.plans.set(i, (p = make()));
    return p;
  }

  /** Forgets the plans of merged batches. */
  merged(upTo: number): void {
    for (const i of this.plans.keys()) if (i < upTo) this.plans.delete(i);
  }

  stored(): StoredPlan[] {
    return [...this.plans].sort((a, b) => a[0] - b[0]).map(([batch, p]) => ({ batch, known: p.known, corpus: p.corpus.map(storeSeed) }));
  }
}
