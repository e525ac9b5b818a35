// A fuzzing campaign: batches of programs run by a piscina worker pool (dispatch.ts),
// their results merged in batch order so a campaign replays exactly from its seed;
// one bucket per cause (buckets.ts), each new bucket's witness written at once and then
// replaced by its minimized form; a checkpoint (OUT/state.json) lets a killed campaign
// resume; a sync directory lets instances on many machines share queues and buckets.

import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { parse, print, printMachine, type Program } from '../../abi/index.js';
import { caseName, thisHost, writeFileAtomic } from '../casefile.js';
import { modelRules } from '../census.js';
import { UserError } from '../load.js';
import { openPair } from '../pair.js';
import { injectText, sameSet } from '../variant.js';
import { shellWords } from '../report/shell.js';
import { deriveSeed, Rng } from '../rng.js';
import { loadSeed, storeSeed, type Seed } from '../seed.js';
import { INJECTED } from '../mutants.js';
import type { Found, FuzzTask, Replayed } from '../worker.js';
import { Buckets } from './buckets.js';
import { loadCheckpoint, removeStaleTemps, saveCheckpoint, thinTimeline, CHECKPOINT_VERSION, type Checkpoint } from './checkpoint.js';
import { BatchWindow, lostText } from './dispatch.js';
import { batchCount, BatchPlans, goalBatches, type Plan, type RunGoal } from './plan.js';
import { CorpusQueue, DEFAULT_QUEUE_CAPACITY } from './queue.js';
import { QueueDir } from './queue-dir.js';
import { RecentRate } from './rate.js';
import { isLost, replayInPool } from './replay.js';
import { fuzzerStats, rulesReached } from './stats.js';
import { startCorpus } from './start.js';
import { SyncDir } from './sync.js';
import { Witnesses } from './witnesses.js';
import type { Bucket, CampaignOptions, Snapshot, Summary } from './types.js';

function workerFile(): { filename: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) return { filename: join(here, '..', '..', 'worker.ts'), execArgv: ['--import', 'tsx'] };
  return { filename: join(here, '..', '..', 'worker.js'), execArgv: [] };
}

/** Queue entries sent with each batch. */
const SAMPLE = 64;

/**
 * Runs a write of the campaign's own files; a failure (a full disk, a read-only
 * directory) stops the campaign with one line — the files already written stay whole.
 */
function stopOnWriteError(path: string, write: () => void): void {
  try {
    write();
  } catch (e) {
    if (e instanceof UserError) throw e;
    const err = e as NodeJS.ErrnoException;
    throw new UserError(`${path}: cannot write (${err.code ?? err.message}): the campaign stops; what it wrote before is kept whole`);
  }
}

/**
 * What made the cases diverge besides their programs: the impl bugs switched on
 * (MMDIFF_INJECT), in each case's header and summary.json, so repro, minimize and report
 * switch the same bugs on.
 */
function injectedFor(targets: string): readonly string[] {
  return targets.split(',').some((t) => t.trim().split('@')[0] === 'impl') ? INJECTED : [];
}

/**
 * A checkpoint in OUT this campaign cannot go on with: other targets, or other impl bugs
 * (its buckets were found with those: a resume would mix two impls' divergences).
 */
export function refuseResume(cp: Checkpoint | null, outDir: string, targets: string): void {
  if (!cp) return;
  if (cp.targets !== targets) throw new UserError(`${outDir} holds a campaign of --targets ${cp.targets}; give another --out for ${targets}`);
  const inject = injectedFor(targets);
  if (cp.inject && !sameSet(cp.inject, inject)) {
    throw new UserError(`${outDir} holds a campaign run with MMDIFF_INJECT=${injectText(cp.inject)}, not ${injectText(inject)}: resume it with the same bugs, or give another --out`);
  }
}

export async function runCampaign(o: CampaignOptions): Promise<Summary> {
  const started = Date.now();
  const notice = o.onNotice ?? (() => {});
  for (const d of [o.outDir, o.corpusDir]) removeStaleTemps(d);
  const cp = loadCheckpoint(o.outDir);
  refuseResume(cp, o.outDir, o.targets);
  const inject = injectedFor(o.targets);
  const seed = cp?.seed ?? o.seed;
  if (cp) notice(`resuming the campaign in ${o.outDir} (seed ${seed}): ${cp.programs.toLocaleString('en')} programs, ${cp.buckets.length} buckets so far`);
  const elapsedBefore = cp?.elapsedMs ?? 0;
  const elapsed = () => elapsedBefore + Date.now() - started;
  const runMs = () => Date.now() - started;
  // when the last new feature, bucket and hang were found (unix ms, 0: none yet), for the
  // progress line and fuzzer_stats; kept in the checkpoint, so a resume does not reset them
  let lastFind = cp?.lastFind ?? 0;
  let lastCrash = cp?.lastCrash ?? 0;
  let lastHang = cp?.lastHang ?? 0;
  let programsAtCrash = cp?.programsAtCrash ?? 0;
  const recentRate = new RecentRate(10_000);
  const lastMinuteRate = new RecentRate(60_000);

  const pair = await openPair(o.targets);
  const exclude = [...new Set([...(o.exclude ?? []), ...pair.excludedOps()])];
  const space = pair.machineSpace();
  const layout = pair.fixedLayout;
  const wf = workerFile();
  const pool = new Piscina({ filename: wf.filename, execArgv: wf.execArgv, minThreads: o.workers, maxThreads: o.workers, idleTimeout: 60_000 });
  const sync = o.syncDir ? new SyncDir(o.syncDir, o.instance ?? 'main', cp?.synced) : undefined;
  const queueDir = new QueueDir(join(o.outDir, 'queue'));
  const knownRules = o.targets.split(',').some((t) => t.trim().split('@')[0] === 'model') ? new Set(modelRules()) : null;

  const queue = new CorpusQueue(o.maxCorpus ?? DEFAULT_QUEUE_CAPACITY);
  for (const s of cp?.queue ?? []) {
    try {
      queue.add(loadSeed(s));
    } catch {
      // an entry that no longer parses is dropped, not the campaign
    }
  }
  if (cp) queue.countHits(cp.hits);
  const features = new Set<string>(cp?.features ?? []);
  const buckets = new Buckets((cp?.buckets ?? []).map((b) => ({ ...b })));
  let timeline: Snapshot[] = [...(cp?.timeline ?? [])];
  let programs = cp?.programs ?? 0;
  let unsupported = cp?.unsupported ?? 0;
  let flaky = cp?.flaky ?? 0;
  const firstBatch = cp?.batches ?? 0;
  // a --runs run cut short (kill -9, Ctrl-C) and resumed with --runs goes on to its own
  // end, exactly; after a run that ended, --runs N runs N more
  const goal: RunGoal | undefined = o.runs === undefined ? undefined : cp?.run ?? { startBatch: firstBatch, startPrograms: programs, runs: o.runs };
  if (cp?.run && goal === cp.run) notice(`continuing its --runs ${goal.runs.toLocaleString('en')} run: ${(goal.startPrograms + goal.runs - programs).toLocaleString('en')} programs to go`);
  const plans = new BatchPlans(firstBatch, cp?.plans);

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
  /** A queue entry: into the in-memory queue and, as libFuzzer and AFL++ do, a file of OUT/queue/. */
  const enqueue = (s: Seed) => {
    if (!queue.add(s)) return;
    stopOnWriteError(queueDir.dir, () => queueDir.add(print(s.prog)));
  };

  const corpusRetriage: Summary['corpusRetriage'] = [];
  /** Programs replayed on the pool (replay.ts); one that hangs or kills its worker is a bucket. */
  const replay = async (progs: readonly Program[]): Promise<Array<Replayed | null>> => {
    const outs = await replayInPool(pool, o.targets, progs, o.batchTimeoutMs);
    const kept: Array<Replayed | null> = [];
    for (const [i, r] of outs.entries()) {
      if (!isLost(r)) {
        kept.push(r);
        continue;
      }
      kept.push(null);
      const what = `replayed program: ${r.why}`;
      await addDivergence({ signature: r.lost === 'hang' ? 'hang' : 'worker crash', class: r.lost, op: null, detail: what, shows: what, prog: pair.adapt(progs[i]), ops: progs[i].ops.length, index: 0, count: 1 }, programs);
    }
    return kept;
  };
  const seedOf = (prog: Program, r: Replayed): Seed => ({ prog, known: r.known, features: r.features });

  const startQueue = () =>
    startCorpus({ corpusDir: o.corpusDir, seedDirs: o.seedDirs ?? [], blind: o.blind === true, cp, seed, buckets, queue, corpusRetriage, replay, addFeatures, enqueue, minimize: startMinimize, notice });

  const snapshot = (): Snapshot => {
    const ms = runMs();
    const now = Date.now();
    const all = buckets.values();
    return {
      elapsedMs: elapsed(),
      // --minutes and --runs count from this run's start: on the elapsed and programs
      // clocks, which include a resumed campaign's earlier runs, the end is that much later
      ...(o.durationMs !== undefined ? { durationMs: elapsedBefore + o.durationMs } : {}),
      programs,
      ...(goal ? { runs: goal.startPrograms + goal.runs } : {}),
      features: features.size,
      buckets: all.length,
      minimized: all.filter((b) => b.minimized || b.minimizedBy).length,
      corpus: queue.size,
      rate: ms > 0 ? Math.round(((programs - (cp?.programs ?? 0)) * 1000) / ms) : 0,
      recentRate: recentRate.at(ms, programs),
      unsupported,
      ...(lastFind ? { sinceFeatureMs: Math.max(0, now - lastFind) } : {}),
      ...(lastCrash ? { sinceBucketMs: Math.max(0, now - lastCrash) } : {}),
      rss: process.memoryUsage.rss(),
    };
  };

  const instanceName = o.instance ?? basename(resolve(o.outDir));
  const statsText = (s: Snapshot) => {
    const now = Date.now();
    const own = buckets.values().filter((b) => !b.importedFrom);
    return fuzzerStats({
      startMs: started - elapsedBefore, nowMs: now, elapsedMs: s.elapsedMs, pid: process.pid, programs, rate: s.rate, lastMinuteRate: lastMinuteRate.at(runMs(), programs),
      corpus: queue.size, features: features.size, ...(knownRules ? { rules: { reached: rulesReached(features, knownRules), known: knownRules.size } } : {}),
      buckets: own.length, hangs: own.filter((b) => b.class === 'hang').length, lastFindMs: lastFind, lastCrashMs: lastCrash, lastHangMs: lastHang,
      programsSinceCrash: programs - programsAtCrash, execTimeoutMs: o.batchTimeoutMs / o.batchSize, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      unsupported, flaky, banner: instanceName, targets: o.targets, commandLine: shellWords(process.argv.slice(1)),
    });
  };
  /** OUT/fuzzer_stats and SYNC/NAME/fuzzer_stats, for afl-whatsup and the like. */
  const writeStats = (s: Snapshot) => {
    // not before the first program: afl-whatsup divides by execs_done
    if (programs === 0) return;
    const text = statsText(s);
    for (const dir of [o.outDir, ...(o.syncDir ? [join(o.syncDir, instanceName)] : [])]) {
      const file = join(dir, 'fuzzer_stats');
      stopOnWriteError(file, () => writeFileAtomic(file, text));
    }
  };

  const host = thisHost();
  const witnesses = new Witnesses({
    targets: o.targets, seed, inject, host, pair, pool, buckets, sync, notice,
    minimizeTimeoutMs: o.minimizeTimeoutMs ?? 10 * 60_000, guardWrite: stopOnWriteError,
  });
  const writeWitness = witnesses.write.bind(witnesses);
  const startMinimize = witnesses.minimize.bind(witnesses);

  /** The first new bucket that stops the campaign (stopOnDivergence). */
  let stopAt: Bucket | undefined;
  /** A divergence of the batch that started after `before` programs. */
  const addDivergence = async (d: Found, before: number) => {
    const known = buckets.getEither(d.signature, d.also, before + d.index + 1);
    if (known) {
      known.count += d.count;
      return;
    }
    let file = join(o.corpusDir, caseName(d.signature));
    for (let k = 2; buckets.values().some((b) => b.file === file); k++) file = join(o.corpusDir, caseName(`${d.signature} ${k}`));
    const lost = d.class === 'hang' || (d.class === 'crash' && d.signature.startsWith('worker '));
    const text = lost ? lostText(d) : print(d.prog);
    lastCrash = Date.now();
    programsAtCrash = before + d.index + 1;
    if (d.class === 'hang') lastHang = lastCrash;
    const b: Bucket = {
      signature: d.signature, class: d.class, count: d.count, firstAt: before + d.index + 1, firstMs: elapsed(), detail: d.detail, shows: d.shows,
      ...(d.rule ? { rule: d.rule } : {}), ...(d.later ? { later: d.later } : {}), ...(d.also ? { also: d.also } : {}), witness: text, witnessOps: d.ops, op: d.op, file,
    };
    if (stopAt === undefined && (o.stopOnDivergence === true || (typeof o.stopOnDivergence === 'function' && o.stopOnDivergence(b)))) stopAt = b;
    for (const x of buckets.add(b)) notice(`bucket ${x.signature} is ${b.signature} (its witness with one op less shows it): folded`);
    o.onBucket?.(b);
    // a hang or a dead worker's program cannot be re-run here safely: written as it is, unminimized
    await writeWitness(b, text, undefined, !lost);
    if (!lost) startMinimize(b);
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

  // ops run and divergences per op name (summary.ops, the report's coverage section)
  const opCounts = new Map<string, { ran: number; diverged: number }>();
  const merge = async (r: import('../worker.js').FuzzResult) => {
    const before = programs;
    programs += r.ran;
    for (const [name, ran, diverged] of r.opCounts ?? []) {
      const c = opCounts.get(name) ?? { ran: 0, diverged: 0 };
      opCounts.set(name, { ran: c.ran + ran, diverged: c.diverged + diverged });
    }
    unsupported += r.unsupported;
    flaky += r.flaky;
    queue.countHits(r.hits);
    for (const nf of r.newFeatures) {
      if (!addFeatures(nf.fresh)) continue;
      lastFind = Date.now();
      if (o.blind) continue;
      enqueue(nf.seed);
      sync?.publish(print(nf.seed.prog));
    }
    for (const d of r.divergences) await addDivergence(d, before);
  };

  // Import the other instances' new queue entries (run here for their features) and their buckets.
  let reportedSkips = 0;
  const syncNow = async () => {
    if (!sync) return;
    const imported = sync.importQueue();
    if (imported.length && !o.blind) {
      for (const [i, r] of (await replay(imported)).entries()) {
        if (!r || r.unsupported || !addFeatures(r.features)) continue;
        lastFind = Date.now();
        enqueue(seedOf(imported[i], r));
      }
    }
    for (const x of sync.otherBuckets()) {
      const b = buckets.get(x.signature);
      if (!b) {
        buckets.add({ signature: x.signature, class: x.class, count: 0, firstAt: programs, firstMs: elapsed(), detail: x.detail, witness: '', witnessOps: x.ops, op: null, file: x.file, importedFrom: x.instance, ...(x.minimized ? { minimizedBy: x.instance } : {}) });
        notice(`imported bucket ${x.signature} from ${x.instance}`);
      } else if (b.importedFrom && x.minimized && !b.minimizedBy) b.minimizedBy = x.instance;
    }
    for (; reportedSkips < sync.skipped.length; reportedSkips++) notice(`sync: skipped ${sync.skipped[reportedSkips]}`);
  };

  const WINDOW = o.workers * 2;
  const window = new BatchWindow(pool, pair, WINDOW, o.batchTimeoutMs, firstBatch);
  const checkpoint = () =>
    stopOnWriteError(join(o.outDir, 'state.json'), () => saveCheckpoint(o.outDir, {
      version: CHECKPOINT_VERSION,
      targets: o.targets,
      inject,
      seed,
      batches: window.merged,
      programs,
      unsupported,
      flaky,
      elapsedMs: elapsed(),
      features: [...features],
      queue: queue.all().map(storeSeed),
      hits: queue.hitCounts(),
      plans: plans.stored(),
      ...(goal && window.merged < totalBatches ? { run: goal } : {}),
      buckets: buckets.values(),
      timeline,
      ...(lastFind ? { lastFind } : {}),
      ...(lastCrash ? { lastCrash, programsAtCrash } : {}),
      ...(lastHang ? { lastHang } : {}),
      ...(sync ? { synced: sync.seenFiles() } : {}),
    }));

  const totalBatches = goal ? goalBatches(goal, o.batchSize) : Infinity;
  // Made exactly when batch i − window has merged (and for the first window at the
  // start), so the sample and known features batch i gets depend only on the seed.
  const makePlan = (i: number): Plan => {
    const rng = new Rng(deriveSeed(seed, i) ^ 0x5bd1e995);
    return { known: features.size, corpus: o.blind ? [] : queue.sample(rng, Math.min(SAMPLE, queue.size)) };
  };
  const planDue = () => {
    plans.merged(window.merged);
    plans.plan(window.merged, WINDOW, totalBatches, makePlan);
  };
  const task = (i: number): FuzzTask => {
    const p = plans.get(i, () => makePlan(i));
    const progress = new Int32Array(new SharedArrayBuffer(8));
    progress[0] = -1;
    const known = [...features].slice(0, p.known);
    return { kind: 'fuzz', targets: o.targets, seed: deriveSeed(seed, i), count: batchCount(goal, o.batchSize, i), maxOps: o.maxOps, corpus: [...p.corpus], known, exclude, space, layout, progress };
  };

  let lastTick = 0;
  let lastCheckpoint = runMs();
  let lastSync = -Infinity;
  let stopping = false;
  const tick = (force = false) => {
    const now = runMs();
    if (force || now - lastTick >= 1000) {
      lastTick = now;
      const s = snapshot();
      timeline.push(s);
      timeline = thinTimeline(timeline);
      writeStats(s);
      o.onProgress?.(s);
    }
    if (force || now - lastCheckpoint >= (o.checkpointMs ?? 5000)) {
      lastCheckpoint = now;
      checkpoint();
    }
  };
  const shouldStop = () =>
    (o.durationMs !== undefined && runMs() >= o.durationMs) ||
    (o.stopOnDivergence !== undefined && o.stopOnDivergence !== false && stopAt !== undefined) ||
    o.signal?.aborted === true;
  const due = () => (stopping ? window.next : totalBatches);

  try {
    await startQueue();
    await syncNow();
    // the rate window starts when fuzzing does, not during the corpus replay before it
    recentRate.at(runMs(), programs);
    lastMinuteRate.at(runMs(), programs);
    planDue();
    window.fill(due(), task);
    while (true) {
      if (shouldStop()) stopping = true;
      if (window.idle) break;
      await window.wait(1000);
      for (let r = window.take(); r; r = window.take()) {
        await merge(r);
        if (shouldStop()) stopping = true;
        planDue();
        window.fill(due(), task);
      }
      if (sync && runMs() - lastSync >= (o.syncIntervalMs ?? 10_000)) {
        lastSync = runMs();
        await syncNow();
      }
      tick();
      if (window.merged >= totalBatches) break;
    }
    // let minimizations finish unless interrupted
    await witnesses.settle(o.signal?.aborted === true);
    await syncNow();
  } finally {
    try {
      tick(true);
    } finally {
      await pool.destroy().catch(() => {});
    }
    await pair.close().catch(() => {});
  }

  return {
    settings: { targets: o.targets, inject: inject.join(','), host, ...(printMachine(layout) ? { machine: printMachine(layout)!.replace(/^# machine /, '') } : {}), workers: o.workers, seed, durationMs: o.durationMs, runs: o.runs, maxOps: o.maxOps, batchSize: o.batchSize, corpusDir: o.corpusDir, exclude, maxCorpus: queue.capacity, seedDirs: o.seedDirs ?? [], ...(o.blind ? { blind: true } : {}), ...(sync ? { syncDir: o.syncDir, instance: sync.instance } : {}) },
    stopped: o.signal?.aborted ? 'interrupted' : 'done',
    programs,
    unsupported,
    flaky,
    elapsedMs: elapsed(),
    features: [...features].sort(),
    timeline,
    buckets: buckets.values().map((b) => ({ ...b, witness: b.fromCorpus || b.importedFrom ? '' : b.witness })),
    corpusRetriage,
    ops: Object.fromEntries([...opCounts].sort((a, b) => b[1].ran - a[1].ran)),
    ...(cp ? { resumed: { programs: cp.programs, elapsedMs: cp.elapsedMs, batches: cp.batches } } : {}),
  };
}
