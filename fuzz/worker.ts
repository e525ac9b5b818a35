// The worker-thread side of a campaign (run by piscina): a batch of programs generated
// or mutated from the corpus sample it was sent, each run on both targets; it returns
// what was new — features (with the program as a seed), divergences named after their
// cause, and how often each feature was hit (rarity-weighted scheduling). It also
// minimizes a witness on request. Deterministic: a batch's programs depend only on its
// seed and its corpus sample.

import { parse, print, type Divergence, type Program } from '../abi/index.js';
import { registersAt } from './assertions.js';
import { batchPrograms, type BatchSpec } from './batch.js';
import { executeMany, type Outcome } from './execute.js';
import { removeOps } from './minimize/edit.js';
import { minimize } from './minimize/index.js';
import { openPair, type TargetPair } from './pair.js';
import { confirm, divergenceOf, nondeterministic } from './retriage.js';
import { knownOf, type Seed } from './seed.js';
import type { KnownState } from './gen/context.js';

export interface FuzzTask extends BatchSpec {
  readonly kind: 'fuzz';
  readonly targets: string;
  /** Features already covered by the campaign. */
  readonly known: readonly string[];
  /** Shared with the campaign: slot 0 holds the index of the program running now (names the program of a hung batch), slot 1 is 1 once the batch runs. */
  readonly progress?: Int32Array;
}

export interface Found {
  readonly signature: string;
  readonly class: string;
  readonly op: number | null;
  readonly detail: string;
  readonly shows: string;
  readonly rule?: string;
  readonly later?: string;
  /** The divergence's second key (abi/compare.ts Divergence.also). */
  readonly also?: string;
  /** The smallest program of the batch that showed it. */
  readonly prog: Program;
  readonly ops: number;
  /** Index in the batch of the first program that showed it. */
  readonly index: number;
  /** How many programs of the batch showed it (those not analysed counted with the cause their effect last had). */
  count: number;
}

export interface FuzzResult {
  readonly kind: 'fuzz';
  readonly ran: number;
  /** Programs one target could not run (no verdict). */
  readonly unsupported: number;
  /** Divergences of a nondeterministic target that reproduced in fewer than 3 of 5 runs. */
  readonly flaky: number;
  readonly newFeatures: Array<{ readonly fresh: string[]; readonly seed: Seed }>;
  readonly divergences: Found[];
  /** How many programs of the batch hit each feature. */
  readonly hits: Array<readonly [string, number]>;
  /** Per op name: ops of that name run (the reference target's results), and programs that first diverged at one ('(final state)': no op named). */
  readonly opCounts?: Array<readonly [string, number, number]>;
}

/** Programs replayed as they are (seed corpora, the corpus directory, other instances' queues), one at a time. */
export interface ReplayTask {
  readonly kind: 'replay';
  readonly targets: string;
  readonly progs: readonly Program[];
  /** As FuzzTask's: slot 0 the program running now, slot 1 is 1 once the task runs. */
  readonly progress?: Int32Array;
}

/** What one replayed program showed. */
export interface Replayed {
  readonly features: readonly string[];
  readonly unsupported?: string;
  readonly known: KnownState;
  readonly divergence?: Divergence;
}

export interface ReplayDone {
  readonly kind: 'replay';
  readonly outcomes: readonly Replayed[];
}

export interface MinimizeTask {
  readonly kind: 'minimize';
  readonly targets: string;
  readonly text: string;
  readonly signature: string;
  readonly op: number | null;
}

export interface MinimizeDone {
  readonly kind: 'minimize';
  /** The minimized program, printed (no expectations yet). */
  readonly text: string;
  readonly opsBefore: number;
  readonly opsAfter: number;
  readonly tests: number;
  readonly detail: string;
  readonly class: string;
  readonly signature: string;
  /** Signatures the minimized program shows at the same op with one other op removed: the same cause, seen another way. */
  readonly reductions: string[];
}

/** Programs analysed per batch for each effect (the full run's first difference); the others of that effect are counted. */
const ANALYSED_PER_EFFECT = 4;

// one pair per worker thread and spec: the kernel target's helper lives as long as the worker
const pairs = new Map<string, Promise<TargetPair>>();
function pair(spec: string): Promise<TargetPair> {
  let p = pairs.get(spec);
  if (!p) {
    p = openPair(spec);
    pairs.set(spec, p);
  }
  return p;
}

export async function fuzzBatch(t: FuzzTask): Promise<FuzzResult> {
  const tp = await pair(t.targets);
  const known = new Set(t.known);
  const newFeatures: FuzzResult['newFeatures'] = [];
  const found = new Map<string, Found>();
  const hits = new Map<string, number>();
  // a batch's programs depend only on its seed and corpus sample, never on each
  // other's outcome, so all are generated first and each target runs them at once
  const progs = batchPrograms(t);
  const progress = t.progress;
  if (progress) Atomics.store(progress, 1, 1);
  const onProgram = progress ? (i: number) => void Atomics.store(progress, 0, i) : undefined;
  // the cause of an effect seen often is analysed a few times a batch, not each time
  const perEffect = new Map<string, { n: number; cause?: string }>();
  const analyse = (full: Divergence) => {
    const e = perEffect.get(full.signature) ?? { n: 0 };
    perEffect.set(full.signature, e);
    return e.n++ < ANALYSED_PER_EFFECT;
  };
  // in-process targets take the batch a few programs at a time, so only a few traces are
  // alive at once (fewer survive a scavenge); the kernel takes it whole (it pipelines)
  const step = 'runSync' in tp.a && 'runSync' in tp.b ? 8 : progs.length;
  const outcomes: Array<Outcome | undefined> = [];
  for (let c = 0; c < progs.length; c += step) {
    const part = await executeMany(progs.slice(c, c + step), tp, onProgram && ((i) => onProgram(c + i)), analyse);
    for (const o of part) outcomes.push(o);
  }
  let unsupported = 0;
  let flaky = 0;
  const opCounts = new Map<string, [number, number]>();
  const countOp = (prog: Program, op: number | null | undefined, ran: number, diverged: number) => {
    const name = (op === null || op === undefined ? undefined : prog.ops[op]?.name) ?? '(final state)';
    const c = opCounts.get(name) ?? [0, 0];
    c[0] += ran;
    c[1] += diverged;
    opCounts.set(name, c);
  };
  for (let i = 0; i < t.count; i++) {
    const out = outcomes[i]!;
    outcomes[i] = undefined; // its traces are garbage once counted
    if (out.unsupported) unsupported++;
    for (let k = 0; k < out.a.results.length; k++) countOp(out.prog, k, 1, 0);
    const fresh: string[] = [];
    for (const f of out.features) {
      hits.set(f, (hits.get(f) ?? 0) + 1);
      if (!known.has(f)) fresh.push(f);
    }
    if (fresh.length) {
      for (const f of fresh) known.add(f);
      newFeatures.push({ fresh, seed: { prog: progs[i], known: knownOf(out.prog, out.a), features: [...out.features] } });
    }
    const d = await divergenceOf(out, tp);
    if (!d) continue;
    if (d === 'flaky') {
      flaky++;
      continue;
    }
    if (d.kind === 'effect') {
      // not analysed: counted with the cause this effect was last traced to
      const cause = perEffect.get(d.effect)?.cause;
      const f = cause ? found.get(cause) : undefined;
      if (f) f.count++;
      if (f) countOp(f.prog, f.op, 0, 1);
      else countOp(out.prog, out.full?.op, 0, 1);
      continue;
    }
    const c = d.divergence;
    countOp(out.prog, c.op, 0, 1);
    const e = perEffect.get(d.full);
    if (e) e.cause = c.signature;
    const prev = found.get(c.signature);
    if (!prev) {
      found.set(c.signature, { signature: c.signature, class: c.class, op: c.op, detail: c.detail, shows: c.shows, ...(c.rule ? { rule: c.rule } : {}), ...(c.later ? { later: c.later } : {}), ...(c.also ? { also: c.also } : {}), prog: out.prog, ops: out.prog.ops.length, index: i, count: 1 });
    } else {
      prev.count++;
      if (out.prog.ops.length < prev.ops) found.set(c.signature, { ...prev, prog: out.prog, ops: out.prog.ops.length, detail: c.detail, shows: c.shows, op: c.op });
    }
  }
  return { kind: 'fuzz', ran: t.count, unsupported, flaky, newFeatures, divergences: [...found.values()], hits: [...hits], opCounts: [...opCounts].map(([k, [n, d]]) => [k, n, d] as const) };
}

export async function minimizeWitness(t: MinimizeTask): Promise<MinimizeDone> {
  const tp = await pair(t.targets);
  const prog = parse(t.text);
  let last = { detail: '', class: '' };
  const same = async (p: Program): Promise<Outcome['divergence']> => {
    const d = await confirm(p, tp, t.signature);
    return d && d.signature === t.signature ? d : null;
  };
  const r = await minimize(
    prog,
    {
      fails: async (p: Program) => {
        const d = await same(p);
        if (d) last = { detail: d.detail, class: d.class };
        return d !== null;
      },
      bindings: async (p: Program) => registersAt(p, await tp.a.run(tp.adapt(p)), p.ops.length),
    },
    { divergentOp: t.op },
  );
  // the detail of the minimized program itself
  const d = await confirm(r.prog, tp, t.signature);
  if (d) last = { detail: d.detail, class: d.class };
  return { kind: 'minimize', text: print(r.prog), opsBefore: r.opsBefore, opsAfter: r.opsAfter, tests: r.tests, signature: t.signature, reductions: await reductions(r.prog, d, tp), ...last };
}

/**
 * The signatures `prog` shows at its cause op with one other op before it removed: a
 * madvise that stops at a hole shows `-EPERM/-ENOMEM` with an mseal in front and a state
 * difference without it — one cause. (Only the same op counts: another op diverging
 * would be another cause.)
 */
async function reductions(prog: Program, d: Divergence | null, tp: TargetPair): Promise<string[]> {
  if (!d || d.op === null) return [];
  const out = new Set<string>();
  const values = registersAt(prog, await tp.a.run(tp.adapt(prog)), prog.ops.length);
  for (let j = 0; j < d.op; j++) {
    if (prog.ops[j].name === 'fork') continue; // its process's ops would go with it
    const p = removeOps(prog, new Set([j]), values);
    const e = await confirm(p, tp, undefined);
    if (e && e.op === d.op - 1 && e.signature !== d.signature) out.add(e.signature);
  }
  return [...out];
}

export async function replayPrograms(t: ReplayTask): Promise<ReplayDone> {
  const tp = await pair(t.targets);
  const progress = t.progress;
  if (progress) Atomics.store(progress, 1, 1);
  const outcomes: Replayed[] = [];
  // one program at a time: a hang names its program, and the programs before it are not lost to it
  for (const [i, p] of t.progs.entries()) {
    if (progress) Atomics.store(progress, 0, i);
    const o = (await executeMany([p], tp))[0];
    // a nondeterministic pair's divergence counts when it reproduces (retriage.ts)
    const d = o.unsupported || !o.divergence ? null : nondeterministic(tp) ? await confirm(p, tp, o.divergence.signature) : o.divergence;
    outcomes.push({ features: [...o.features], known: knownOf(o.prog, o.a), ...(o.unsupported ? { unsupported: o.unsupported } : {}), ...(d ? { divergence: d } : {}) });
  }
  return { kind: 'replay', outcomes };
}

export default function handler(task: FuzzTask | MinimizeTask | ReplayTask): Promise<FuzzResult | MinimizeDone | ReplayDone> {
  if (task.kind === 'replay') return replayPrograms(task);
  return task.kind === 'fuzz' ? fuzzBatch(task) : minimizeWitness(task);
}
