// Bug-finding power: each mutant of bench/mutants/ switched on alone, a model,impl
// campaign per seed that stops at its first divergence; time to that divergence, its
// signature and the size of its minimized witness. Attribution: the witness is replayed
// here, where impl/ was loaded without any bug; if model and impl still disagree on it,
// the campaign stopped at a pre-existing ("latent") divergence, not the injected bug, and
// the run does not count as found. A short control campaign with no bug runs first.
// Run: npm run bench:bugs   (writes bench/bugs.json)
//   MMDIFF_BENCH_SECONDS  per-campaign limit (default 60)
//   MMDIFF_BENCH_SEEDS    seeds per bug (default 5)
//   MMDIFF_BENCH_BUGS     comma-separated subset of bug names (default all)
//   MMDIFF_BENCH_CONTROL  seconds of the no-bug control campaign (default 20, 0 to skip)

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '../abi/index.js';
import { runCampaign, type Bucket } from '../fuzz/campaign.js';
import { execute } from '../fuzz/execute.js';
import { openPair } from '../fuzz/pair.js';
import { INJECTED, mutants } from '../fuzz/mutants.js';

type BugName = string;
const CATALOGUE = Object.fromEntries(mutants());

// this thread's impl/ must be bug-free: it judges the witnesses
if (INJECTED.length) throw new Error('bench/bugs.ts: run it without MMDIFF_INJECT (it sets the variable per campaign)');
const MODEL_IMPL = await openPair('model,impl');

const SECONDS = Number(process.env.MMDIFF_BENCH_SECONDS ?? 60);
const SEEDS = Number(process.env.MMDIFF_BENCH_SEEDS ?? 5);
const CONTROL = Number(process.env.MMDIFF_BENCH_CONTROL ?? 20);
const WORKERS = 2;
const ALL = Object.keys(CATALOGUE) as BugName[];
const BUGS = process.env.MMDIFF_BENCH_BUGS ? (process.env.MMDIFF_BENCH_BUGS.split(',').map((s) => s.trim()) as BugName[]) : ALL;
for (const b of BUGS) if (!ALL.includes(b)) throw new Error(`MMDIFF_BENCH_BUGS: unknown bug '${b}'`);

interface Run {
  readonly seed: number;
  /** ms from campaign start to the first divergence caused by the bug, null when none. */
  readonly firstMs: number | null;
  readonly signature: string | null;
  /** The campaign stopped at a divergence that the bug-free impl shows too. */
  readonly latent: string | null;
  readonly opsBefore: number | null;
  /** ops of the minimized witness (null: not found, or minimization failed). */
  readonly opsAfter: number | null;
  readonly witness: string | null;
  readonly programs: number;
  readonly buckets: number;
}

/** One campaign with MMDIFF_INJECT = inject (workers copy the environment when they start). */
async function campaign(inject: string | undefined, seed: number, seconds: number): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'mmdiff-bugs-'));
  const before = process.env.MMDIFF_INJECT;
  if (inject === undefined) delete process.env.MMDIFF_INJECT;
  else process.env.MMDIFF_INJECT = inject;
  try {
    const s = await runCampaign({
      targets: 'model,impl', workers: WORKERS, seed, durationMs: seconds * 1000, stopOnDivergence: true,
      maxOps: 24, batchSize: 200, batchTimeoutMs: 60_000, corpusDir: join(dir, 'corpus'), outDir: dir,
    });
    const found = s.buckets.filter((b) => !b.fromCorpus);
    // every bucket of the stopping batch window is judged; the earliest one due to the bug counts
    let first: Bucket | undefined;
    let witness: string | null = null;
    let latent: string | null = null;
    for (const b of [...found].sort((x, y) => x.firstMs - y.firstMs || x.firstAt - y.firstAt)) {
      let text: string;
      try {
        text = readFileSync(b.file, 'utf8');
      } catch {
        text = b.witness;
      }
      if (await inCleanImpl(text)) {
        latent ??= b.signature;
        continue;
      }
      first = b;
      witness = text;
      break;
    }
    return {
      seed,
      firstMs: first ? first.firstMs : null,
      signature: first ? first.signature : null,
      latent: first ? null : latent,
      opsBefore: first ? first.witnessOps : null,
      opsAfter: first?.minimized ? first.minimized.opsAfter : null,
      witness,
      programs: s.programs,
      buckets: found.length,
    };
  } finally {
    if (before === undefined) delete process.env.MMDIFF_INJECT;
    else process.env.MMDIFF_INJECT = before;
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The witness diverges without any injected bug (in this thread's impl/). */
async function inCleanImpl(text: string): Promise<boolean> {
  try {
    return (await execute(parse(text), MODEL_IMPL)).divergence !== null;
  } catch {
    return false;
  }
}

/** Median of numbers where Infinity stands for "not found". */
function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const secs = (ms: number): string => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : `> ${SECONDS} s`);
const log = (s: string) => process.stderr.write(s + '\n');

let control: Run | null = null;
if (CONTROL > 0) {
  control = await campaign(undefined, 1, CONTROL);
  log(`control (no bug, ${CONTROL} s, ${control.programs} programs): ${control.latent ?? 'no divergence'}`);
}

const results: Array<{ bug: BugName; wrong: string; rule: string; runs: Run[] }> = [];
for (const bug of BUGS) {
  const runs: Run[] = [];
  for (let seed = 1; seed <= SEEDS; seed++) {
    const r = await campaign(bug, seed, SECONDS);
    runs.push(r);
    const what = r.firstMs !== null ? `${secs(r.firstMs)}, ${r.opsBefore} → ${r.opsAfter ?? '?'} ops, ${r.signature}` : r.latent ? `not found (stopped at latent ${r.latent})` : 'not found';
    log(`${bug} seed ${seed}: ${what} (${r.programs} programs)`);
  }
  results.push({ bug, wrong: CATALOGUE[bug].wrong, rule: CATALOGUE[bug].rule, runs });
}

const rows = results.map(({ bug, runs }) => {
  const found = runs.filter((r) => r.firstMs !== null);
  const times = runs.map((r) => r.firstMs ?? Infinity);
  const ops = found.map((r) => r.opsAfter).filter((x): x is number => x !== null);
  // the signature seen most often, as the example
  const sigs = new Map<string, number>();
  for (const r of found) sigs.set(r.signature!, (sigs.get(r.signature!) ?? 0) + 1);
  const example = [...sigs].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '-';
  return { bug, found: found.length, medianMs: median(times), medianOps: median(ops), example };
});

const all = results.flatMap((r) => r.runs.map((x) => x.firstMs ?? Infinity));
const overall = median(all);
const w = Math.max(...rows.map((r) => r.bug.length), 3);
console.log(`\nbug-finding benchmark: model,impl, ${WORKERS} workers, ${SEEDS} seeds, ${SECONDS} s limit, maxOps 24\n`);
console.log(`${'bug'.padEnd(w)}  found  median time  median ops  example signature`);
for (const r of rows) {
  console.log(`${r.bug.padEnd(w)}  ${`${r.found}/${SEEDS}`.padStart(5)}  ${secs(r.medianMs).padStart(11)}  ${(Number.isNaN(r.medianOps) ? '-' : String(r.medianOps)).padStart(10)}  ${r.example}`);
}
const foundAll = rows.filter((r) => r.found === SEEDS).length;
console.log(`\noverall median time to first divergence: ${secs(overall)} (${all.filter(Number.isFinite).length}/${all.length} runs found)`);
console.log(`bugs found on every seed: ${foundAll}/${rows.length}; median < 10 s: ${rows.filter((r) => r.medianMs < 10_000).length}/${rows.length}; median minimized ≤ 6 ops: ${rows.filter((r) => r.medianOps <= 6).length}/${rows.length}`);
const latent = results.flatMap((r) => r.runs.filter((x) => x.latent).map((x) => `${r.bug} seed ${x.seed}: ${x.latent}`));
if (latent.length) console.log(`runs stopped by a latent (bug-free) divergence, counted as not found:\n  ${latent.join('\n  ')}`);
if (control?.latent) console.log(`the no-bug control diverged: ${control.latent}`);

const json = {
  settings: { targets: 'model,impl', workers: WORKERS, seeds: SEEDS, seconds: SECONDS, maxOps: 24, batchSize: 200 },
  control,
  overallMedianMs: Number.isFinite(overall) ? overall : null,
  bugs: results.map((r, i) => ({
    ...r,
    found: rows[i].found,
    medianMs: Number.isFinite(rows[i].medianMs) ? rows[i].medianMs : null,
    medianOps: Number.isNaN(rows[i].medianOps) ? null : rows[i].medianOps,
    example: rows[i].example,
  })),
  date: new Date().toISOString(),
};
writeFileSync('bench/bugs.json', JSON.stringify(json, null, 1) + '\n');
