// A fuzzing campaign: batches of programs run by a piscina worker pool, their
// results merged strictly in batch order, and batch i dispatched exactly when batch
// i − window has merged, so a campaign replays exactly from its seed whatever the
// thread timing. One bucket per divergence signature, each new bucket's witness
// written at once and then replaced by its minimized form. A checkpoint
// (OUT/state.json) lets a killed campaign resume; a sync directory lets instances
// on many machines share their queues and buckets.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { OpName } from '../abi/index.js';
import { parse, print } from '../abi/index.js';
import type { Recipe } from './arbitrary/program.js';
import { batchProgram, batchRecipes } from './batch.js';
import { loadCheckpoint, removeStaleTemps, saveCheckpoint, thinTimeline } from './campaign/checkpoint.js';
import { CorpusQueue, DEFAULT_QUEUE_CAPACITY } from './campaign/queue.js';
import { SyncDir } from './campaign/sync.js';
import { caseName, caseText, withExpectations, writeFileAtomic } from './casefile.js';
import { execute, executeMany } from './execute.js';
import { findCases, loadProgram, UserError } from './load.js';
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
  /** Bound of the in-memory corpus (campaign/queue.ts has the eviction rule). */
  readonly maxCorpus?: number;
  /** AFL++-style sync directory shared with other instances, and this instance's name in it. */
  readonly syncDir?: string;
  readonly instance?: string;
  readonly syncIntervalMs?: number;
  readonly checkpointMs?: number;
  /** A minimization that takes longer is abandoned (the unminimized witness stays). */
  readonly minimizeTimeoutMs?: number;
  /** One-line messages: resuming, imports. */
  readonly onNotice?: (line: string) => void;
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
  /** Found by another instance of the sync directory (its file is in that instance's buckets). */
  importedFrom?: string;
  /** Minimized by another instance, so not minimized here. */
  minimizedBy?: string;
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
  /** Resident set size of the campaign process (all worker threads), bytes. */
  readonly rss: number;
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
  /** Set when the campaign continued a checkpoint: what the earlier runs had done. */
  readonly resumed?: { readonly programs: number; readonly elapsedMs: number; readonly batches: number };
}

function workerFile(): { filename: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) return { filename: join(here, '..', 'worker.ts'), execArgv: ['--import', 'tsx'] };
  return { filename: join(here, '..', 'worker.js'), execArgv: [] };
}

const SAMPLE = 64;

export async function runCampaign(o: CampaignOptions): Promise<Summary> {
  const started = Date.now();
  const notice = o.onNotice ?? (() => {});
  for (const d of [o.outDir, o.corpusDir]) removeStaleTemps(d);
  const cp = loadCheckpoint(o.outDir);
  if (cp && cp.targets !== o.targets) {
    throw new UserError(`${o.outDir} holds a campaign of --targets ${cp.targets}; give another --out for ${o.targets}`);
  }
  const seed = cp?.seed ?? o.seed;
  if (cp) notice(`resuming the campaign in ${o.outDir} (seed ${seed}): ${cp.programs.toLocaleString('en')} programs, ${cp.buckets.length} buckets so far`);
  const elapsedBefore = cp?.elapsedMs ?? 0;
  const elapsed = () => elapsedBefore + Date.now() - started;
  const runMs = () => Date.now() - started;

  const pair = await openPair(o.targets);
  const exclude = [...new Set([...(o.exclude ?? []), ...pair.excludedOps()])];
  const wf = workerFile();
  const pool = new Piscina({ filename: wf.filename, execArgv: wf.execArgv, minThreads: o.workers, maxThreads: o.workers, idleTimeout: 60_000 });
  const sync = o.syncDir ? new SyncDir(o.syncDir, o.instance ?? 'main', cp?.synced) : undefined;

  const queue = new CorpusQueue(o.maxCorpus ?? DEFAULT_QUEUE_CAPACITY);
  for (const r of cp?.queue ?? []) queue.add(r as Recipe[]);
  const features = new Set<string>(cp?.features ?? []);
  const buckets = new Map<string, Bucket>((cp?.buckets ?? []).map((b) => [b.signature, { ...b }]));
  let timeline: Snapshot[] = [...(cp?.timeline ?? [])];
  const minimizing = new Set<Promise<void>>();
  let programs = cp?.programs ?? 0;
  let unsupported = cp?.unsupported ?? 0;
  const firstBatch = cp?.batches ?? 0;

  const addFeatures = (fs: Iterable<string>) => {
    let fresh = false;
    for (const f of fs) {
      if (!features.has(f)) {
        features.add(f);
        fresh = true;
      }
    }
    return fresh;
  };

  // Re-run the corpus directory: known buckets keep their files.
  const corpusRetriage: Summary['corpusRetriage'] = [];
  if (existsSync(o.corpusDir)) {
    for (const file of findCases(o.corpusDir)) {
      let status: string;
      try {
        const { prog } = loadProgram(file);
        const out = await execute(prog, pair);
        addFeatures(out.features);
        const d = out.divergence;
        if (d) {
          status = `diverges: ${d.signature}`;
          if (!buckets.has(d.signature)) {
            buckets.set(d.signature, { signature: d.signature, class: d.class, count: 0, firstAt: 0, firstMs: 0, detail: d.detail, witness: '', witnessOps: prog.ops.length, op: d.op, file, fromCorpus: true });
          }
        } else status = out.unsupported ? `not run: ${out.unsupported}` : 'agrees';
      } catch (e) {
        status = `unreadable: ${(e as Error).message}`;
      }
      corpusRetriage.push({ file, status });
    }
  }

  const snapshot = (): Snapshot => {
    const ms = runMs();
    return {
      elapsedMs: elapsed(),
      durationMs: o.durationMs,
      programs,
      runs: o.runs,
      features: features.size,
      buckets: buckets.size,
      minimized: [...buckets.values()].filter((b) => b.minimized || b.minimizedBy).length,
      corpus: queue.size,
      rate: ms > 0 ? Math.round(((programs - (cp?.programs ?? 0)) * 1000) / ms) : 0,
      rss: process.memoryUsage.rss(),
    };
  };

  /** run: false for a program that cannot be re-run safely here (a hang, a dead worker). */
  const writeWitness = async (b: Bucket, text: string, found: number | undefined, run = true) => {
    const header = { signature: b.signature, class: b.class, targets: o.targets, detail: b.detail, seed, found: new Date().toISOString(), ...(found !== undefined ? { opsBefore: found } : {}) };
    try {
      const prog = parse(text);
      writeFileAtomic(b.file, caseText(run ? withExpectations(prog, await pair.a.run(pair.adapt(prog))) : prog, header));
    } catch (e) {
      // a witness the format cannot hold is a bug of the generator, not the end of the
      // campaign: keep it as it is, commented, so nothing found is lost
      const why = (e instanceof Error ? e.message : String(e)).split('\n')[0];
      const lines = [`# mmdiff 1`, `# divergence: ${b.signature}`, `# class: ${b.class}`, `# unreadable witness (${why}):`, ...text.split('\n').map((l) => `#   ${l}`)];
      writeFileAtomic(b.file, lines.join('\n') + '\n');
    }
  };

  const startMinimize = (b: Bucket) => {
    const other = sync?.minimizedElsewhere(b.signature);
    if (other) {
      b.minimizedBy = other;
      return;
    }
    const t0 = Date.now();
    const task: MinimizeTask = { kind: 'minimize', targets: o.targets, text: b.witness, signature: b.signature, op: b.op };
    const p = (pool.run(task, { signal: AbortSignal.timeout(o.minimizeTimeoutMs ?? 10 * 60_000) }) as Promise<MinimizeDone>).then(
      async (r) => {
        b.minimized = { opsBefore: r.opsBefore, opsAfter: r.opsAfter, tests: r.tests, ms: Date.now() - t0 };
        if (r.detail) b.detail = r.detail;
        await writeWitness(b, r.text, r.opsBefore);
      },
      () => {
        // timed out or the worker died: the unminimized witness is already on disk
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
    if (d.class === 'hang' || d.class === 'crash' && d.signature.startsWith('worker ')) {
      // the program cannot be re-run here safely: write it as it is, unminimized
      await writeWitness(b, d.text, undefined, false);
      return;
    }
    await writeWitness(b, d.text, undefined);
    startMinimize(b);
  };

  // a checkpointed bucket whose minimization the kill interrupted is minimized again
  for (const b of buckets.values()) {
    if (b.minimized || b.minimizedBy || b.fromCorpus || b.importedFrom || b.class === 'hang' || !existsSync(b.file)) continue;
    try {
      b.witness = print(parse(readFileSync(b.file, 'utf8')));
      startMinimize(b);
    } catch {
      // an unreadable witness stays as it is
    }
  }

  const merge = async (r: FuzzResult) => {
    programs += r.ran;
    unsupported += r.unsupported;
    for (const nf of r.newFeatures) {
      if (!addFeatures(nf.features)) continue;
      queue.add(nf.recipes);
      sync?.publish(nf.recipes, print(batchProgram({ seed: 0, count: 0, maxOps: o.maxOps, corpus: [], exclude }, nf.recipes)));
    }
    for (const d of r.divergences) await addDivergence(d);
  };

  // Import the other instances' new queue entries (run here for their features and
  // divergences) and their buckets.
  const syncNow = async () => {
    if (!sync) return;
    const imported = sync.importQueue();
    if (imported.length) {
      const outs = await executeMany(imported.map((r) => batchProgram({ seed: 0, count: 0, maxOps: o.maxOps, corpus: [], exclude }, r)), pair);
      outs.forEach((out, i) => {
        if (addFeatures(out.features)) queue.add(imported[i]);
      });
    }
    for (const x of sync.otherBuckets()) {
      const b = buckets.get(x.signature);
      if (!b) {
        buckets.set(x.signature, { signature: x.signature, class: x.class, count: 0, firstAt: programs, firstMs: elapsed(), detail: x.detail, witness: '', witnessOps: x.ops, op: null, file: x.file, importedFrom: x.instance, ...(x.minimized ? { minimizedBy: x.instance } : {}) });
        notice(`imported bucket ${x.signature} from ${x.instance}`);
      } else if (b.importedFrom && x.minimized && !b.minimizedBy) b.minimizedBy = x.instance;
    }
  };

  const checkpoint = () =>
    saveCheckpoint(o.outDir, {
      version: 1,
      targets: o.targets,
      seed,
      batches: merged,
      programs,
      unsupported,
      elapsedMs: elapsed(),
      features: [...features],
      queue: queue.all(),
      buckets: [...buckets.values()],
      timeline,
      ...(sync ? { synced: sync.seenFiles() } : {}),
    });

  const window = o.workers * 2;
  const totalBatches = o.runs !== undefined ? firstBatch + Math.ceil(o.runs / o.batchSize) : Infinity;
  const results = new Map<number, FuzzResult>();
  const inflight = new Map<number, Promise<void>>();
  let next = firstBatch;
  let merged = firstBatch;
  let stopping = false;

  // Called exactly when batch i − window has merged (and for the first window at
  // the start), so the sample and known features it gets depend only on the seed.
  const task = (i: number): FuzzTask => {
    const rng = new Rng(deriveSeed(seed, i) ^ 0x5bd1e995);
    const count = o.runs !== undefined ? Math.min(o.batchSize, o.runs - (i - firstBatch) * o.batchSize) : o.batchSize;
    const progress = new Int32Array(new SharedArrayBuffer(4));
    progress[0] = -1;
    return { kind: 'fuzz', targets: o.targets, seed: deriveSeed(seed, i), count, maxOps: o.maxOps, corpus: queue.sample(rng, Math.min(SAMPLE, queue.size)), known: [...features], exclude, progress };
  };

  const dispatch = (i: number) => {
    const t = task(i);
    const p = (pool.run(t, { signal: AbortSignal.timeout(o.batchTimeoutMs) }) as Promise<FuzzResult>).then(
      (r) => {
        results.set(i, r);
      },
      (e: unknown) => {
        // piscina replaces the hung or crashed worker; the program it was running becomes a bucket
        const hang = (e as Error)?.name === 'AbortError' || /abort|timed? ?out/i.test(String((e as Error)?.message));
        const at = Atomics.load(t.progress!, 0);
        const recipes = at >= 0 ? batchRecipes(t)[at] : [];
        const prog = at >= 0 ? pair.adapt(batchProgram(t, recipes)) : undefined;
        const what = `batch ${i} (seed ${t.seed}) program ${at}: ${hang ? `no result in ${o.batchTimeoutMs} ms` : String((e as Error)?.message ?? e)}`;
        results.set(i, {
          kind: 'fuzz',
          ran: t.count,
          unsupported: 0,
          newFeatures: [],
          divergences: [{ signature: hang ? 'hang' : 'worker crash', class: hang ? 'hang' : 'crash', op: null, detail: what, recipes, text: prog ? print(prog) : `# mmdiff 1\n# ${what}\n`, ops: prog?.ops.length ?? 0, count: 1 }],
        });
      },
    );
    inflight.set(i, p);
    p.finally(() => inflight.delete(i));
  };
  const dispatchDue = () => {
    while (!stopping && next < totalBatches && next < merged + window) dispatch(next++);
  };

  let lastTick = 0;
  let lastCheckpoint = runMs();
  let lastSync = -Infinity;
  const tick = (force = false) => {
    const now = runMs();
    if (force || now - lastTick >= 1000) {
      lastTick = now;
      const s = snapshot();
      timeline.push(s);
      timeline = thinTimeline(timeline);
      o.onProgress?.(s);
    }
    if (force || now - lastCheckpoint >= (o.checkpointMs ?? 5000)) {
      lastCheckpoint = now;
      checkpoint();
    }
  };
  const shouldStop = () =>
    (o.durationMs !== undefined && runMs() >= o.durationMs) ||
    (o.stopOnDivergence === true && [...buckets.values()].some((b) => !b.fromCorpus && !b.importedFrom)) ||
    o.signal?.aborted === true;

  try {
    await syncNow();
    dispatchDue();
    while (true) {
      if (shouldStop()) stopping = true;
      if (inflight.size === 0 && !results.has(merged)) break;
      if (!results.has(merged)) await Promise.race([...inflight.values(), new Promise((r) => setTimeout(r, 1000))]);
      while (results.has(merged)) {
        await merge(results.get(merged)!);
        results.delete(merged);
        merged++;
        if (shouldStop()) stopping = true;
        dispatchDue();
      }
      if (sync && runMs() - lastSync >= (o.syncIntervalMs ?? 10_000)) {
        lastSync = runMs();
        await syncNow();
      }
      tick();
      if (merged >= totalBatches) break;
    }
    // let minimizations finish unless interrupted
    if (!o.signal?.aborted) await Promise.allSettled([...minimizing]);
    else await Promise.race([Promise.allSettled([...minimizing]), new Promise((r) => setTimeout(r, 2000))]);
    await syncNow();
  } finally {
    tick(true);
    await pool.destroy().catch(() => {});
    await pair.close().catch(() => {});
  }

  return {
    settings: { targets: o.targets, workers: o.workers, seed, durationMs: o.durationMs, runs: o.runs, maxOps: o.maxOps, batchSize: o.batchSize, corpusDir: o.corpusDir, exclude, maxCorpus: queue.capacity, ...(sync ? { syncDir: o.syncDir, instance: sync.instance } : {}) },
    stopped: o.signal?.aborted ? 'interrupted' : 'done',
    programs,
    unsupported,
    elapsedMs: elapsed(),
    features: [...features].sort(),
    timeline,
    buckets: [...buckets.values()].map((b) => ({ ...b, witness: b.fromCorpus || b.importedFrom ? '' : b.witness })),
    corpusRetriage,
    ...(cp ? { resumed: { programs: cp.programs, elapsedMs: cp.elapsedMs, batches: cp.batches } } : {}),
  };
}
