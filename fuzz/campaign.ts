// A fuzzing campaign: batches of programs run by a piscina worker pool, their
// results merged strictly in batch order so that a campaign replays exactly from its
// seed whatever the thread timing; one bucket per divergence signature, each new
// bucket's witness written at once and then replaced by its minimized form.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { OpName } from '../abi/index.js';
import { parse } from '../abi/index.js';
import type { Recipe } from './arbitrary/program.js';
import { caseName, caseText, withExpectations, writeFileAtomic } from './casefile.js';
import { execute } from './execute.js';
import { findCases, loadProgram } from './load.js';
import { deriveSeed, Rng } from './rng.js';
import { openPair } from './pair.js';
import type { Found, FuzzResult, FuzzTask, MinimizeDone, MinimizeTask } from './worker.js';

export interface CampaignOptions {
  readonly targets: string;
  readonly workers: number;
  readonly seed: number;
  /** Stop after this many milliseconds (wall clock) ... */
  readonly durationMs?: number;
  /** ... or after this many programs. */
  readonly runs?: number;
  readonly corpusDir: string;
  readonly outDir: string;
  readonly maxOps: number;
  readonly batchSize: number;
  readonly exclude?: readonly OpName[];
  /** A batch that takes longer than this is a hang. */
  readonly batchTimeoutMs: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (s: Snapshot) => void;
  /** Stop at the first bucket (smoke). */
  readonly stopOnDivergence?: boolean;
}

export interface Bucket {
  readonly signature: string;
  readonly class: string;
  count: number;
  /** Programs run before it was first seen. */
  readonly firstAt: number;
  readonly firstMs: number;
  detail: string;
  witness: string;
  witnessOps: number;
  op: number | null;
  file: string;
  minimized?: { readonly opsBefore: number; readonly opsAfter: number; readonly tests: number; readonly ms: number };
  /** Found when re-running the corpus at start (not new in this campaign). */
  readonly fromCorpus?: boolean;
}

export interface Snapshot {
  readonly elapsedMs: number;
  readonly durationMs?: number;
  readonly programs: number;
  readonly runs?: number;
  readonly features: number;
  readonly buckets: number;
  readonly minimized: number;
  readonly corpus: number;
  readonly rate: number;
}

export interface Summary {
  readonly settings: Record<string, unknown>;
  readonly stopped: 'done' | 'interrupted';
  readonly programs: number;
  /** Programs one target could not run (e.g. an op the kernel lacks): no verdict. */
  readonly unsupported: number;
  readonly elapsedMs: number;
  readonly features: string[];
  readonly timeline: Snapshot[];
  readonly buckets: Bucket[];
  readonly corpusRetriage: Array<{ file: string; status: string }>;
}

function workerFile(): { filename: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) return { filename: join(here, '..', 'worker.ts'), execArgv: ['--import', 'tsx'] };
  return { filename: join(here, '..', 'worker.js'), execArgv: [] };
}

export async function runCampaign(o: CampaignOptions): Promise<Summary> {
  const started = Date.now();
  const elapsed = () => Date.now() - started;
  const pair = await openPair(o.targets);
  const exclude = [...new Set([...(o.exclude ?? []), ...pair.excludedOps()])];
  const wf = workerFile();
  const pool = new Piscina({ filename: wf.filename, execArgv: wf.execArgv, minThreads: o.workers, maxThreads: o.workers, idleTimeout: 60_000 });

  // Append-only corpus and feature lists: the state after m merges is a prefix.
  const corpus: Recipe[][] = [];
  const corpusAfter: number[] = [0];
  const featureList: string[] = [];
  const features = new Set<string>();
  const featuresAfter: number[] = [0];
  const buckets = new Map<string, Bucket>();
  const timeline: Snapshot[] = [];
  const minimizing = new Set<Promise<void>>();
  let programs = 0;
  let unsupported = 0;

  // Re-triage the corpus directory: known buckets keep their files.
  const corpusRetriage: Summary['corpusRetriage'] = [];
  if (existsSync(o.corpusDir)) {
    for (const file of findCases(o.corpusDir)) {
      let status: string;
      try {
        const { prog } = loadProgram(file);
        const out = await execute(prog, pair);
        for (const f of out.features) if (!features.has(f)) (features.add(f), featureList.push(f));
        const d = out.divergence;
        if (d) {
          status = `diverges: ${d.signature}`;
          if (!buckets.has(d.signature)) {
            buckets.set(d.signature, { signature: d.signature, class: d.class, count: 0, firstAt: 0, firstMs: 0, detail: d.detail, witness: '', witnessOps: prog.ops.length, op: d.op, file, fromCorpus: true });
          }
        } else status = 'agrees';
      } catch (e) {
        status = `unreadable: ${(e as Error).message}`;
      }
      corpusRetriage.push({ file, status });
    }
    featuresAfter[0] = featureList.length;
  }

  const snapshot = (): Snapshot => {
    const ms = elapsed();
    return {
      elapsedMs: ms,
      durationMs: o.durationMs,
      programs,
      runs: o.runs,
      features: features.size,
      buckets: buckets.size,
      minimized: [...buckets.values()].filter((b) => b.minimized).length,
      corpus: corpus.length,
      rate: ms > 0 ? Math.round((programs * 1000) / ms) : 0,
    };
  };

  const writeWitness = async (b: Bucket, text: string, found: number | undefined) => {
    const prog = parse(text);
    const ref = await pair.a.run(pair.adapt(prog));
    const header = { signature: b.signature, class: b.class, targets: o.targets, detail: b.detail, seed: o.seed, found: new Date().toISOString(), ...(found !== undefined ? { opsBefore: found } : {}) };
    writeFileAtomic(b.file, caseText(withExpectations(prog, ref), header));
  };

  const startMinimize = (b: Bucket) => {
    const t0 = Date.now();
    const task: MinimizeTask = { kind: 'minimize', targets: o.targets, text: b.witness, signature: b.signature, op: b.op };
    const p = (pool.run(task) as Promise<MinimizeDone>).then(
      async (r) => {
        b.minimized = { opsBefore: r.opsBefore, opsAfter: r.opsAfter, tests: r.tests, ms: Date.now() - t0 };
        if (r.detail) b.detail = r.detail;
        await writeWitness(b, r.text, r.opsBefore);
      },
      () => {
        // the unminimized witness is already on disk
      },
    );
    minimizing.add(p);
    p.finally(() => minimizing.delete(p));
  };

  const addDivergence = async (d: Found) => {
    const known = buckets.get(d.signature);
    if (known) {
      known.count += d.count;
      return;
    }
    let file = join(o.corpusDir, caseName(d.signature));
    for (let k = 2; [...buckets.values()].some((b) => b.file === file); k++) file = join(o.corpusDir, caseName(`${d.signature} ${k}`));
    const b: Bucket = { signature: d.signature, class: d.class, count: d.count, firstAt: programs, firstMs: elapsed(), detail: d.detail, witness: d.text, witnessOps: d.ops, op: d.op, file };
    buckets.set(d.signature, b);
    await writeWitness(b, d.text, undefined);
    if (d.class !== 'hang') startMinimize(b);
  };

  const merge = async (r: FuzzResult) => {
    programs += r.ran;
    unsupported += r.unsupported;
    for (const nf of r.newFeatures) {
      let fresh = false;
      for (const f of nf.features) {
        if (!features.has(f)) {
          features.add(f);
          featureList.push(f);
          fresh = true;
        }
      }
      if (fresh) corpus.push(nf.recipes);
    }
    for (const d of r.divergences) await addDivergence(d);
    corpusAfter.push(corpus.length);
    featuresAfter.push(featureList.length);
  };

  const window = o.workers * 2;
  const totalBatches = o.runs !== undefined ? Math.ceil(o.runs / o.batchSize) : Infinity;
  const results = new Map<number, FuzzResult>();
  const inflight = new Map<number, Promise<void>>();
  let next = 0;
  let merged = 0;
  let stopping = false;

  const task = (i: number): FuzzTask => {
    // batch i sees the corpus exactly as it was after batch i - window merged
    const m = Math.max(0, i - window + 1);
    const rng = new Rng(deriveSeed(o.seed, i) ^ 0x5bd1e995);
    const n = corpusAfter[m];
    const sample: Recipe[][] = [];
    for (let k = 0; k < Math.min(64, n); k++) sample.push(corpus[rng.below(n)]);
    const count = o.runs !== undefined ? Math.min(o.batchSize, o.runs - i * o.batchSize) : o.batchSize;
    return { kind: 'fuzz', targets: o.targets, seed: deriveSeed(o.seed, i), count, maxOps: o.maxOps, corpus: sample, known: featureList.slice(0, featuresAfter[m]), exclude };
  };

  const dispatch = (i: number) => {
    const t = task(i);
    const p = (pool.run(t, { signal: AbortSignal.timeout(o.batchTimeoutMs) }) as Promise<FuzzResult>).then(
      (r) => {
        results.set(i, r);
      },
      (e: unknown) => {
        // a hung or crashed worker is replaced by piscina; the batch becomes a bucket
        const hang = (e as Error)?.name === 'AbortError' || /abort|timed? ?out/i.test(String((e as Error)?.message));
        const sig = hang ? 'batch hang' : 'batch crash';
        results.set(i, {
          kind: 'fuzz',
          ran: t.count,
          unsupported: 0,
          newFeatures: [],
          divergences: [{ signature: sig, class: hang ? 'hang' : 'crash', op: null, detail: `batch ${i} (seed ${t.seed}): ${String((e as Error)?.message ?? e)}`, recipes: [], text: `# mmdiff 1\n# batch ${i} seed ${t.seed}\n`, ops: 0, count: 1 }],
        });
      },
    );
    inflight.set(i, p);
    p.finally(() => inflight.delete(i));
  };

  let lastTick = 0;
  const tick = (force = false) => {
    const now = elapsed();
    if (!force && now - lastTick < 1000) return;
    lastTick = now;
    const s = snapshot();
    timeline.push(s);
    o.onProgress?.(s);
  };

  try {
    while (true) {
      const timeUp = o.durationMs !== undefined && elapsed() >= o.durationMs;
      const found = o.stopOnDivergence && [...buckets.values()].some((b) => !b.fromCorpus);
      if (timeUp || found || o.signal?.aborted) stopping = true;
      while (!stopping && next < totalBatches && next < merged + window) dispatch(next++);
      if (inflight.size === 0 && !results.has(merged)) break;
      if (!results.has(merged)) await Promise.race(inflight.values());
      while (results.has(merged)) {
        await merge(results.get(merged)!);
        results.delete(merged);
        merged++;
      }
      tick();
      if (merged >= totalBatches) break;
    }
    // let minimizations finish unless interrupted
    if (!o.signal?.aborted) await Promise.allSettled([...minimizing]);
    else await Promise.race([Promise.allSettled([...minimizing]), new Promise((r) => setTimeout(r, 2000))]);
  } finally {
    tick(true);
    await pool.destroy().catch(() => {});
    await pair.close().catch(() => {});
  }

  return {
    settings: { targets: o.targets, workers: o.workers, seed: o.seed, durationMs: o.durationMs, runs: o.runs, maxOps: o.maxOps, batchSize: o.batchSize, corpusDir: o.corpusDir, exclude },
    stopped: o.signal?.aborted ? 'interrupted' : 'done',
    programs,
    unsupported,
    elapsedMs: elapsed(),
    features: [...features].sort(),
    timeline,
    buckets: [...buckets.values()].map((b) => ({ ...b, witness: b.fromCorpus ? '' : b.witness })),
    corpusRetriage,
  };
}
