// `mmdiff fuzz`: a campaign with a live progress line; Ctrl-C ends it cleanly with
// everything found so far written (cases, summary.json).

import { existsSync, statSync } from 'node:fs';
import { availableParallelism, constants as osConstants, hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { refuseResume, runCampaign, type Snapshot, type Summary } from '../fuzz/campaign.js';
import { loadCheckpoint } from '../fuzz/campaign/checkpoint.js';
import { lockDir } from '../fuzz/campaign/lock.js';
import { UserError } from '../fuzz/load.js';
import { pairSpecs } from '../fuzz/target.js';
import { checkOutDir, duration, intOption, numOption, writeOutput } from './options.js';
import { reportAfterCampaign } from './report.js';

export const FUZZ_HELP = `usage: mmdiff fuzz [SEEDS...] [--targets model,impl] [--workers N] [--minutes M | --runs N]
                   [--seed S] [--corpus DIR] [--out DIR] [--max-ops N] [--blind]
                   [--sync-dir DIR --instance NAME [--sync-interval S]] [--max-corpus N] [--batch-timeout S]

Generates and mutates programs, runs each on both targets and compares the traces.
SEEDS are directories of .mm cases (default: corpus/semantics of this project) whose
programs start the queue the mutations work on. Every divergence is traced to the
first op after which the targets differ; one bucket per cause (that op, the rule the
reference took there, the kind of difference): its witness is written to the corpus
directory at once and replaced by its minimized form when minimization ends.
OUT/state.json is a checkpoint: running again with the same --out resumes the
campaign (same seed and queue, buckets kept, statistics continued); a --runs run
cut short goes on to its own end, exactly as if never stopped. Every queue entry
is also a file of OUT/queue/, and OUT/fuzzer_stats (with --sync-dir also
DIR/NAME/fuzzer_stats) has the live statistics in AFL++'s format: afl-whatsup DIR works.

  --targets A,B   targets to diff (default model,impl; model@6.10 selects a profile;
                  the model's design variants: mseal, prot-seal, map-shadow-stack,
                  prot-shadowstack — see mmdiff variants)
  --workers N     worker threads (default: one per core)
  --minutes M     stop after M minutes (default 1)
  --runs N        stop after N programs instead (deterministic for a seed)
  --seed S        campaign seed (default: random, printed)
  --corpus DIR    where minimized cases go, re-run at start (default OUT/corpus)
  --out DIR       summary.json and report.html go here (default reports/fuzz-SEED)
  --max-ops N     longest program (default 32)
  --blind         no seeds, no queue, no feedback: every program freshly generated
                  (a control for measuring what guidance adds)
  --sync-dir DIR  share queue and buckets with other instances (AFL++ layout:
                  DIR/NAME/queue, DIR/NAME/buckets); buckets go to DIR/NAME/buckets
  --instance NAME this instance's name in the sync directory (default: host-pid)
  --sync-interval S  seconds between imports from the other instances (default 10)
  --max-corpus N  in-memory corpus bound (default 2048; see fuzz/campaign/queue.ts)
  --batch-timeout S  a batch without a result after S seconds is a hang (default 60)

Ctrl-C stops the campaign and writes what it found.`;

/** The semantic suite of this project (above cli/ or dist/cli/): the default seeds. */
export const DEFAULT_SEEDS = ((): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 3; i++, dir = dirname(dir)) if (existsSync(join(dir, 'corpus', 'semantics'))) return join(dir, 'corpus', 'semantics');
  return join('corpus', 'semantics');
})();

export const FUZZ_OPTIONS = {
  targets: { type: 'string' },
  workers: { type: 'string' },
  minutes: { type: 'string' },
  runs: { type: 'string' },
  seed: { type: 'string' },
  corpus: { type: 'string' },
  out: { type: 'string' },
  'max-ops': { type: 'string' },
  'sync-dir': { type: 'string' },
  instance: { type: 'string' },
  'sync-interval': { type: 'string' },
  'max-corpus': { type: 'string' },
  'batch-timeout': { type: 'string' },
  blind: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const n = (x: number) => x.toLocaleString('en');

/**
 * `[00:31/01:00] 41,230 programs · 1,320/s (avg 1,290/s) · 812 features (new 00:04 ago) ·
 * 3 buckets (2 minimized, new 00:20 ago) · corpus 310 · 0 unsupported · 245 MiB`: the rate now
 * and on average, how long since something new was found (a campaign that stopped finding
 * is worth stopping), and the memory it holds.
 */
export function progressLine(s: Snapshot): string {
  // the last batches finish after the deadline, and the last percent after --runs: never past the end
  const at = s.durationMs !== undefined ? `${duration(Math.min(s.elapsedMs, s.durationMs))}/${duration(s.durationMs)}` : s.runs !== undefined ? `${duration(s.elapsedMs)} ${Math.min(100, Math.floor((100 * s.programs) / s.runs))}%` : duration(s.elapsedMs);
  const ago = (ms: number | undefined) => (ms === undefined ? undefined : `new ${duration(ms)} ago`);
  const features = ago(s.sinceFeatureMs) ?? 'none new yet';
  const buckets = [`${s.minimized} minimized`, ...(s.buckets ? [ago(s.sinceBucketMs)].filter(Boolean) : [])].join(', ');
  return [
    `[${at}] ${n(s.programs)} programs`,
    `${n(s.recentRate ?? s.rate)}/s (avg ${n(s.rate)}/s)`,
    `${n(s.features)} features (${features})`,
    `${n(s.buckets)} buckets (${buckets})`,
    `corpus ${n(s.corpus)}`,
    `${n(s.unsupported ?? 0)} unsupported`,
    `${n(Math.round(s.rss / 2 ** 20))} MiB`,
  ].join(' · ');
}

/** The line cut to the terminal's width (a redrawn line must not wrap). */
function fitTerminal(line: string): string {
  const width = process.stderr.columns;
  return width && line.length >= width ? line.slice(0, width - 2) + '…' : line;
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
  const blind = v.blind === true;
  if (blind && pos.length) throw new UserError('fuzz: --blind takes no seed directories');
  const seedDirs = blind ? [] : pos.length ? pos : existsSync(DEFAULT_SEEDS) ? [DEFAULT_SEEDS] : [];
  for (const d of seedDirs) if (!existsSync(d) || !statSync(d).isDirectory()) throw new UserError(`fuzz: seed directory ${d}: not a directory`);
  if (v.minutes !== undefined && v.runs !== undefined) throw new UserError('fuzz: give --minutes or --runs, not both');
  const seed = v.seed !== undefined ? intOption('seed', v.seed, 0, 0, 0xffffffff) : (Math.random() * 0xffffffff) >>> 0;
  const runs = v.runs !== undefined ? intOption('runs', v.runs, 0, 1, 1e12) : undefined;
  const minutes = runs === undefined ? numOption('minutes', v.minutes, 1, 0.01, 60 * 24 * 30) : undefined;
  const workers = intOption('workers', v.workers, Math.max(1, availableParallelism()), 1, 256);
  const outDir = (v.out as string | undefined) ?? join('reports', `fuzz-${seed}`);
  const syncDir = v['sync-dir'] as string | undefined;
  if (v.instance !== undefined && syncDir === undefined) throw new UserError('fuzz: --instance needs --sync-dir');
  const instance = (v.instance as string | undefined) ?? `${hostname()}-${process.pid}`;
  if (!/^[A-Za-z0-9_.-]+$/.test(instance) || instance.startsWith('.')) throw new UserError(`fuzz: --instance '${instance}' must be letters, digits, '_', '-', '.' (not starting with '.')`);
  const corpusDir = (v.corpus as string | undefined) ?? (syncDir !== undefined ? join(syncDir, instance, 'buckets') : join(outDir, 'corpus'));
  const targets = (v.targets as string | undefined) ?? 'model,impl';
  pairSpecs(targets); // a bad target is one line before anything starts
  const maxOps = intOption('max-ops', v['max-ops'], 32, 1, 1000);
  const batchTimeoutMs = numOption('batch-timeout', v['batch-timeout'], 60, 0.1, 86_400) * 1000;
  const maxCorpus = intOption('max-corpus', v['max-corpus'], 2048, 1, 10_000_000);
  checkOutDir('--out', outDir);
  if (syncDir !== undefined) checkOutDir('--sync-dir', syncDir);
  checkOutDir('--corpus', corpusDir);
  // what runCampaign would refuse in --out, refused before the first line is printed
  const cp = loadCheckpoint(outDir);
  refuseResume(cp, outDir, targets);
  const release = [lockDir(outDir, '--out'), ...(syncDir !== undefined ? [lockDir(join(syncDir, instance), '--instance')] : [])];
  const ac = new AbortController();
  // SIGINT, SIGTERM, SIGHUP: finish, write what was found, exit 128 + the signal's number
  let stoppedBy = 0;
  const onSignal = (sig: NodeJS.Signals) => {
    if (ac.signal.aborted) process.exit(128 + osConstants.signals[sig]);
    stoppedBy = osConstants.signals[sig];
    process.stderr.write(`\nstopping (${sig}): finishing the batches in flight and writing what was found (Ctrl-C again to quit now)\n`);
    ac.abort();
  };
  const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const s of STOP_SIGNALS) process.on(s, onSignal);
  try {
    return await campaign();
  } finally {
    for (const s of STOP_SIGNALS) process.off(s, onSignal);
    for (const r of release) r();
  }

  async function campaign(): Promise<number> {
    const tty = process.stderr.isTTY;
    let lastPrinted = 0;
    // a resumed campaign goes on with its own seed: the line shows that one, not a fresh --seed
    process.stderr.write(`mmdiff fuzz --targets ${targets} --seed ${cp?.seed ?? seed} --workers ${workers} ${runs !== undefined ? `--runs ${runs}` : `--minutes ${minutes}`}\n`);
    const sum = await runCampaign({
      targets,
      workers,
      seed,
      runs,
      durationMs: minutes !== undefined ? minutes * 60_000 : undefined,
      corpusDir,
      outDir,
      maxOps,
      batchSize: 1000,
      batchTimeoutMs,
      maxCorpus,
      seedDirs,
      ...(blind ? { blind } : {}),
      ...(syncDir !== undefined ? { syncDir, instance, syncIntervalMs: numOption('sync-interval', v['sync-interval'], 10, 0.1, 86_400) * 1000 } : {}),
      onNotice: (line) => process.stderr.write(`${tty ? '\r\x1b[K' : ''}${line}\n`),
      signal: ac.signal,
      onBucket: (b) => process.stderr.write(`${tty ? '\r\x1b[K' : ''}new bucket: ${b.signature} (op ${b.op ?? '-'}, program ${b.firstAt.toLocaleString('en')}) ${b.file}\n`),
      onProgress: (s) => {
        // redrawn in place with \r: a line wider than the terminal would wrap and scroll instead
        if (tty) process.stderr.write(`\r${fitTerminal(progressLine(s))}\x1b[K`);
        else if (s.elapsedMs - lastPrinted >= 10_000) {
          lastPrinted = s.elapsedMs;
          process.stderr.write(progressLine(s) + '\n');
        }
      },
    });
    writeOutput(join(outDir, 'summary.json'), JSON.stringify(sum, null, 1) + '\n');
    printSummary(sum, outDir);
    await reportAfterCampaign(outDir);
    return stoppedBy ? 128 + stoppedBy : 0;
  }
}
