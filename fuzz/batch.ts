// The programs of one batch. They depend only on the batch's seed and corpus sample,
// never on each other's outcome, so a worker generates them all up front and the
// campaign can regenerate any of them (to name the program a hung batch was running).

import type { OpName } from '../abi/index.js';
import { buildProgram, type Recipe } from './arbitrary/program.js';
import { mutate, randomRecipes } from './mutate.js';
import { Rng } from './rng.js';

export interface BatchSpec {
  readonly seed: number;
  readonly count: number;
  readonly maxOps: number;
  /** Programs to mutate (recipes), a sample of the campaign's corpus. */
  readonly corpus: readonly (readonly Recipe[])[];
  readonly exclude?: readonly OpName[];
}

export function batchRecipes(t: BatchSpec): Recipe[][] {
  const rng = new Rng(t.seed);
  const out: Recipe[][] = [];
  for (let i = 0; i < t.count; i++) {
    out.push(
      t.corpus.length && rng.chance(75)
        ? mutate(rng, rng.pick(t.corpus), rng.chance(20) ? rng.pick(t.corpus) : undefined, t.maxOps)
        : randomRecipes(rng, t.maxOps),
    );
  }
  return out;
}

export function batchProgram(t: BatchSpec, recipes: readonly Recipe[]) {
  return buildProgram(recipes, { exclude: t.exclude });
}
