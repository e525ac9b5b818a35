// The programs of one batch. They depend only on the batch's seed and corpus sample,
// never on each other's outcome, so a worker generates them all up front and the
// campaign can regenerate any of them (to name the program a hung batch was running).

import type { MachineConfig, OpName, Program } from '../abi/index.js';
import type { MachineSpace } from './gen/machine.js';
import { generate, mutate, type MutateOptions } from './mutate.js';
import { Rng } from './rng.js';
import type { Seed } from './seed.js';

export interface BatchSpec {
  readonly seed: number;
  readonly count: number;
  readonly maxOps: number;
  /** Programs to mutate, a sample of the campaign's queue (none: blind generation). */
  readonly corpus: readonly Seed[];
  readonly exclude?: readonly OpName[];
  /** What the campaign may vary of the machine per program. */
  readonly space?: MachineSpace;
  /** The targets' own layout (the live kernel's). */
  readonly layout?: Partial<MachineConfig>;
}

/** Three programs in four are mutations of the sample (one in five of those a splice), the rest fresh. */
export function batchPrograms(t: BatchSpec): Program[] {
  const rng = new Rng(t.seed);
  const o: MutateOptions = { maxOps: t.maxOps, exclude: t.exclude, space: t.space, layout: t.layout };
  const out: Program[] = [];
  for (let i = 0; i < t.count; i++) {
    out.push(t.corpus.length && rng.chance(75) ? mutate(rng, rng.pick(t.corpus), rng.chance(20) ? rng.pick(t.corpus) : undefined, o) : generate(rng, o));
  }
  return out;
}
