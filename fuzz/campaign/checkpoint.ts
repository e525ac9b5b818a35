// A campaign's checkpoint, OUT/state.json: everything needed to resume after the
// process dies (kill -9 included). Written atomically every few seconds and at the
// end, so the file on disk is always a whole checkpoint, at most one interval old.

import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../casefile.js';
import { UserError } from '../load.js';
import type { StoredSeed } from '../seed.js';
import type { RunGoal, StoredPlan } from './plan.js';
import type { Bucket, Snapshot } from './types.js';

export const CHECKPOINT_VERSION = 2;

export interface Checkpoint {
  readonly version: typeof CHECKPOINT_VERSION;
  readonly targets: string;
  /** The impl bugs switched on (MMDIFF_INJECT); absent in checkpoints older than it. */
  readonly inject?: readonly string[];
  readonly seed: number;
  /** Batches merged: the next batch to run. */
  readonly batches: number;
  readonly programs: number;
  readonly unsupported: number;
  readonly flaky: number;
  readonly elapsedMs: number;
  readonly features: readonly string[];
  readonly queue: readonly StoredSeed[];
  /** Programs that hit each feature (rarity-weighted scheduling). */
  readonly hits: ReadonlyArray<readonly [string, number]>;
  /** What the batches not merged yet run with (plan.ts). */
  readonly plans?: readonly StoredPlan[];
  /** The --runs run not finished yet. */
  readonly run?: RunGoal;
  readonly buckets: readonly Bucket[];
  readonly timeline: readonly Snapshot[];
  /** Unix ms of the last new feature, bucket and hang bucket (fuzzer_stats' last_find, …); absent before they were kept. */
  readonly lastFind?: number;
  readonly lastCrash?: number;
  readonly lastHang?: number;
  /** Programs run when the last new bucket was found. */
  readonly programsAtCrash?: number;
  /** Sync-dir files already imported, per other instance. */
  readonly synced?: Readonly<Record<string, readonly string[]>>;
}

export function checkpointPath(outDir: string): string {
  return join(outDir, 'state.json');
}

export function saveCheckpoint(outDir: string, c: Checkpoint): void {
  writeFileAtomic(checkpointPath(outDir), JSON.stringify(c) + '\n');
}

export function loadCheckpoint(outDir: string): Checkpoint | null {
  const file = checkpointPath(outDir);
  if (!existsSync(file)) return null;
  let c: Checkpoint;
  try {
    c = JSON.parse(readFileSync(file, 'utf8')) as Checkpoint;
  } catch (e) {
    throw new UserError(`${file}: not a campaign checkpoint (${(e as Error).message}); remove it to start a new campaign in ${outDir}`);
  }
  if (c?.version !== CHECKPOINT_VERSION || typeof c.targets !== 'string' || !Array.isArray(c.queue) || !Array.isArray(c.buckets) || !Array.isArray(c.hits) || (c.inject !== undefined && !(Array.isArray(c.inject) && c.inject.every((x) => typeof x === 'string')))) {
    throw new UserError(`${file}: not a campaign checkpoint of this mmdiff version; remove it to start a new campaign in ${outDir}`);
  }
  return c;
}

/** Temp files of atomic writes interrupted by a kill: never a case, safe to remove. */
export function removeStaleTemps(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const name of readdirSync(dir)) {
    if (/^\.\d+\.\d+\.[a-z0-9]+\.tmp$/.test(name)) {
      rmSync(join(dir, name), { force: true });
      n++;
    }
  }
  return n;
}

/** Keeps the timeline short on long campaigns: past `max` points, every other point goes. */
export function thinTimeline<T>(points: T[], max = 2000): T[] {
  if (points.length <= max) return points;
  return points.filter((_, i) => i % 2 === 0 || i === points.length - 1);
}
