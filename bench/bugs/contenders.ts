// The contenders of bench/bugs.ts, each run with one mutant of bench/mutants/ switched
// on: the engine (queue, mutation and feature feedback, seeded by corpus/semantics),
// the same generator blind (no queue, no feedback), and the fast-check harness.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { runProgram, type Program } from '../../abi/index.js';
import { runCampaign, type Bucket, type Summary } from '../../fuzz/campaign.js';
import { mutantImpl } from '../../fuzz/mutants.js';
import { harnessPrograms } from './fc-harness.js';
import { diverges, latent } from './judge.js';

export type Contender = 'engine' | 'blind' | 'fc';
export const CONTENDERS: readonly Contender[] = ['engine', 'blind', 'fc'];

export interface FindRun {
  /** Programs run up to and including the first that showed a divergence the bug caused; null: none within the cap. */
  readonly programs: number | null;
  readonly signature: string | null;
  /** Divergences passed over because the bug-free impl shows them too. */
  readonly latent: readonly string[];
  /** CPU seconds of the run, every thread of the process (the campaign's worker too), start-up included. */
  readonly cpuSeconds?: number;
}

const MAX_OPS = 32;
const BATCH = 1000;

/** One model,impl campaign with MMDIFF_INJECT = bug (the pool's workers copy the environment when they start). */
async function campaign(bug: string, seed: number, o: { blind: boolean; runs?: number; durationMs?: number; stop?: (b: Bucket) => boolean }): Promise<Summary> {
  const dir = mkdtempSync(join(tmpdir(), 'mmdiff-bugs-'));
  const before = process.env.MMDIFF_INJECT;
  process.env.MMDIFF_INJECT = bug;
  try {
    return await runCampaign({
      targets: 'model,impl', workers: 1, seed, maxOps: MAX_OPS, batchSize: BATCH, batchTimeoutMs: 120_000,
      corpusDir: join(dir, 'corpus'), outDir: dir, checkpointMs: 3_600_000,
      ...(o.blind ? { blind: true } : { seedDirs: ['corpus/semantics'] }),
      ...(o.runs !== undefined ? { runs: o.runs } : {}), ...(o.durationMs !== undefined ? { durationMs: o.durationMs } : {}),
      ...(o.stop ? { stopOnDivergence: o.stop } : {}),
    });
  } finally {
    if (before === undefined) delete process.env.MMDIFF_INJECT;
    else process.env.MMDIFF_INJECT = before;
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Programs to the first divergence the bug caused, at most `cap` programs, and the CPU time that took. */
export async function find(who: Contender, bug: string, seed: number, cap: number): Promise<FindRun> {
  // CPU, not wall time: the bench shares its machine; process-wide, so a campaign's worker thread counts
  const c0 = process.cpuUsage();
  const r = await (who === 'fc' ? findFc(bug, seed, cap) : findByCampaign(who, bug, seed, cap));
  const c = process.cpuUsage(c0);
  return { ...r, cpuSeconds: (c.user + c.system) / 1e6 };
}

async function findByCampaign(who: Contender, bug: string, seed: number, cap: number): Promise<FindRun> {
  const passed: string[] = [];
  let hit: Bucket | undefined;
  const stop = (b: Bucket) => {
    if (b.class === 'hang' || latent(b.witness)) {
      passed.push(b.signature);
      return false;
    }
    hit = b;
    return true;
  };
  await campaign(bug, seed, { blind: who === 'blind', runs: cap, stop });
  return { programs: hit ? hit.firstAt : null, signature: hit?.signature ?? null, latent: passed };
}

async function findFc(bug: string, seed: number, cap: number): Promise<FindRun> {
  const factory = await mutantImpl([bug]);
  const run = (p: Program) => runProgram(factory, p);
  let n = 0;
  let found: number | null = null;
  let latentSeen = 0;
  try {
    fc.assert(
      fc.property(harnessPrograms, (p) => {
        n++;
        if (!diverges(p, run)) return true;
        if (latent(p)) {
          latentSeen++;
          return true;
        }
        found = n;
        return false;
      }),
      { numRuns: cap, seed, endOnFailure: true },
    );
  } catch {
    // the property failed: `found` holds the count
  }
  return { programs: found, signature: found !== null ? 'fc.commands counterexample' : null, latent: latentSeen ? [`${latentSeen} latent programs`] : [] };
}

/** The buckets of a one-worker engine campaign of `seconds` or `runs` programs, split into the bug's own and latent ones. */
export async function buckets(bug: string, seed: number, len: { seconds: number } | { runs: number }): Promise<{ programs: number; own: string[]; latent: string[] }> {
  const s = await campaign(bug, seed, { blind: false, ...('runs' in len ? { runs: len.runs } : { durationMs: len.seconds * 1000 }) });
  const own: string[] = [];
  const lat: string[] = [];
  for (const b of s.buckets) {
    if (b.fromCorpus) continue;
    (b.class !== 'hang' && latent(b.witness) ? lat : own).push(b.signature);
  }
  return { programs: s.programs, own, latent: lat };
}
