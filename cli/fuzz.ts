// `mmdiff fuzz`: a campaign with a live progress line; Ctrl-C ends it cleanly with
// everything found so far written (cases, summary.json).

import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { runCampaign, type Snapshot, type Summary } from '../fuzz/campaign.js';
import { writeFileAtomic } from '../fuzz/casefile.js';
import { UserError } from '../fuzz/load.js';
import { pairSpecs } from '../fuzz/target.js';
import { duration, intOption, numOption } from './options.js';

export const FUZZ_HELP = `usage: mmdiff fuzz [--targets model,impl] [--workers N] [--minutes M | --runs N]
                   [--seed S] [--corpus DIR] [--out DIR] [--max-ops N]

Generates and mutates programs, runs each on both targets and compares the traces.
Every new divergence signature becomes a bucket: its witness is written to the corpus
directory at once and replaced by its minimized form when minimization ends.

  --targets A,B   targets to diff (default model,impl; model@6.10 selects a profile)
  --workers N     worker threads (default: one per core)
  --minutes M     stop after M minutes (default 1)
  --runs N        stop after N programs instead (deterministic for a seed)
  --seed S        campaign seed (default: random, printed)
  --corpus DIR    where minimized cases go, re-run at start (default OUT/corpus)
  --out DIR       summary.json goes here (default reports/fuzz-SEED)
  --max-ops N     longest program (default 32)

Ctrl-C stops the campaign and writes what it found.`;

export const FUZZ_OPTIONS = {
  targets: { type: 'string' },
  workers: { type: 'string' },
  minutes: { type: 'string' },
  runs: { type: 'string' },
  seed: { type: 'string' },
  corpus: { type: 'string' },
  out: { type: 'string' },
  'max-ops': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function progressLine(s: Snapshot): string {
  const left = s.durationMs !== undefined ? `/${duration(s.durationMs)}` : s.runs !== undefined ? ` ${Math.round((100 * s.programs) / s.runs)}%` : '';
  return `[${duration(s.elapsedMs)}${left}] ${s.programs.toLocaleString('en')} programs (${s.rate.toLocaleString('en')}/s) · ${s.features} features · ${s.buckets} buckets (${s.minimized} minimized) · corpus ${s.corpus}`;
}

export function printSummary(sum: Summary, outDir: string): void {
  process.stderr.write(`\n${sum.stopped === 'interrupted' ? 'interrupted' : 'done'}: ${sum.programs.toLocaleString('en')} programs in ${duration(sum.elapsedMs)}, ${sum.features.length} features, ${sum.buckets.length} buckets\n`);
  for (const b of sum.buckets) {
    const min = b.minimized ? ` minimized ${b.minimized.opsBefore}→${b.minimized.opsAfter} ops` : b.fromCorpus ? ' (from corpus)' : '';
    process.stderr.write(`  ${b.signature}  ×${b.count}${min}  ${b.file}\n`);
  }
  process.stderr.write(`summary: ${join(outDir, 'summary.json')}\n`);
}

export async function fuzzCommand(pos: string[], v: Record<string, unknown>): Promise<number> {
  if (pos.length) throw new UserError(`fuzz: unexpected argument '${pos[0]}'`);
  if (v.minutes !== undefined && v.runs !== undefined) throw new UserError('fuzz: give --minutes or --runs, not both');
  const seed = v.seed !== undefined ? intOption('seed', v.seed, 0, 0, 0xffffffff) : (Math.random() * 0xffffffff) >>> 0;
  const runs = v.runs !== undefined ? intOption('runs', v.runs, 0, 1, 1e12) : undefined;
  const minutes = runs === undefined ? numOption('minutes', v.minutes, 1, 0.01, 60 * 24 * 30) : undefined;
  const workers = intOption('workers', v.workers, Math.max(1, availableParallelism()), 1, 256);
  const outDir = (v.out as string | undefined) ?? join('reports', `fuzz-${seed}`);
  const corpusDir = (v.corpus as string | undefined) ?? join(outDir, 'corpus');
  const targets = (v.targets as string | undefined) ?? 'model,impl';
  pairSpecs(targets); // a bad target is one line before anything starts
  const ac = new AbortController();
  const onInt = () => {
    if (ac.signal.aborted) process.exit(130);
    process.stderr.write('\nstopping: finishing the batches in flight and writing what was found (Ctrl-C again to quit now)\n');
    ac.abort();
  };
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onInt);
  const tty = process.stderr.isTTY;
  let lastPrinted = 0;
  process.stderr.write(`mmdiff fuzz --targets ${targets} --seed ${seed} --workers ${workers} ${runs !== undefined ? `--runs ${runs}` : `--minutes ${minutes}`}\n`);
  const sum = await runCampaign({
    targets,
    workers,
    seed,
    runs,
    durationMs: minutes !== undefined ? minutes * 60_000 : undefined,
    corpusDir,
    outDir,
    maxOps: intOption('max-ops', v['max-ops'], 32, 1, 1000),
    batchSize: 1000,
    batchTimeoutMs: 60_000,
    signal: ac.signal,
    onProgress: (s) => {
      if (tty) process.stderr.write(`\r${progressLine(s)}\x1b[K`);
      else if (s.elapsedMs - lastPrinted >= 10_000) {
        lastPrinted = s.elapsedMs;
        process.stderr.write(progressLine(s) + '\n');
      }
    },
  });
  process.off('SIGINT', onInt);
  process.off('SIGTERM', onInt);
  writeFileAtomic(join(outDir, 'summary.json'), JSON.stringify(sum, null, 1) + '\n');
  printSummary(sum, outDir);
  return 0;
}
