// The test command of `npm run bench:mutation` (stryker.config.mjs, Stryker's command
// runner): one bounded model,impl campaign with one worker against the impl/ of the
// directory it runs in. Stryker runs it in its sandbox (.stryker-tmp/sandbox-*), whose
// impl/ holds the instrumented sources, once per mutant with __STRYKER_ACTIVE_MUTANT__
// set: the campaign's piscina worker threads load impl/ from that sandbox through tsx
// (the worker file is found from this module's own path) and inherit the environment,
// so the mutant switched on is the one every thread runs.
//
// Exit code: 1 when the campaign found a divergence (a bucket: the mutant is killed),
// 0 when it found none (the mutant survived), 2 when the campaign itself failed (also
// a kill for Stryker, so its dry run on the clean impl must pass).
//
// The campaign is a program count, not a length: 8,000 programs, what a one-worker
// model,impl campaign of the uninstrumented impl/ runs in about 10 s on the 2-core
// machines here. Stryker's instrumented impl/ runs some 2.5 times slower, and the
// machines are shared, so 10 s of wall clock would measure the load more than the
// fuzzer; a program count makes a mutant's verdict the same on every run (a campaign
// replays exactly from its seed).
//
// Settings, from the environment:
//   MMDIFF_MUTATION_RUNS     programs per campaign (default 8000)
//   MMDIFF_MUTATION_SECONDS  a wall-clock length instead of a program count
//   MMDIFF_MUTATION_SEED     campaign seed (default 1)
//   MMDIFF_MUTATION_LOG      a file to append one JSON line to per run (bench/mutation/run.mjs reads it)
// MMDIFF_INJECT (a mutant of bench/mutants/) is honoured as by every campaign.
//
// Run: node --import tsx bench/mutation/campaign.ts

import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCampaign } from '../../fuzz/campaign.js';

/** Programs per campaign: about 10 s of a one-worker campaign of the uninstrumented impl/ here. */
export const DEFAULT_RUNS = 8000;

const here = fileURLToPath(import.meta.url);
/** The project's root, from the sources (tsx) or from dist/ (compiled). */
const root = here.endsWith('.ts') ? join(dirname(here), '..', '..') : join(dirname(here), '..', '..', '..');
const num = (k: string, d: number): number => {
  const raw = process.env[k];
  if (raw === undefined || raw === '') return d;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${k}: a positive number, not '${raw}'`);
  return n;
};

async function main(): Promise<number> {
  const seconds = process.env.MMDIFF_MUTATION_SECONDS ? num('MMDIFF_MUTATION_SECONDS', 10) : undefined;
  const runs = Math.round(num('MMDIFF_MUTATION_RUNS', DEFAULT_RUNS));
  const seed = Math.round(num('MMDIFF_MUTATION_SEED', 1));
  // in Stryker's sandbox, the campaign's directory is made there: a campaign that
  // Stryker stops (a Timeout) cannot remove it, and Stryker removes the sandbox
  const dir = mkdtempSync(join(root.split(sep).includes('.stryker-tmp') ? root : tmpdir(), 'mmdiff-mutation-'));
  const started = Date.now();
  try {
    const sum = await runCampaign({
      targets: 'model,impl',
      workers: 1,
      seed,
      ...(seconds !== undefined ? { durationMs: seconds * 1000 } : { runs }),
      corpusDir: join(dir, 'corpus'),
      outDir: dir,
      maxOps: 32,
      batchSize: 1000,
      // as the CLI's: a mutant that makes impl loop forever is a hang bucket, or first
      // a Timeout of Stryker's (detected too); a short one would call a loaded machine a hang
      batchTimeoutMs: 60_000,
      checkpointMs: 3_600_000,
      // no minimizing: the verdict is all that is wanted
      minimizeTimeoutMs: 1,
      seedDirs: [join(root, 'corpus', 'semantics')],
      stopOnDivergence: true,
    });
    const mutant = process.env.__STRYKER_ACTIVE_MUTANT__ ?? '-';
    const found = sum.buckets[0];
    const ms = Date.now() - started;
    process.stdout.write(`mutant ${mutant}: ${sum.programs} programs in ${(ms / 1000).toFixed(1)} s: ${found ? `killed by ${found.signature} (program ${found.firstAt})` : 'no divergence'}\n`);
    const log = process.env.MMDIFF_MUTATION_LOG;
    if (log) appendFileSync(log, JSON.stringify({ mutant, programs: sum.programs, ms, ...(found ? { signature: found.signature, firstAt: found.firstAt } : {}) }) + '\n');
    return found ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`bench/mutation/campaign.ts: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exit(2);
  },
);
