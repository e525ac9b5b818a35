// The worker-thread side of a campaign (run by piscina): a batch of programs
// generated or mutated from the corpus sample it was sent, each run on both targets;
// it returns what was new. Also minimizes a witness on request. Deterministic: a
// batch's programs depend only on its seed and its corpus sample.

import { parse, print, type Program } from '../abi/index.js';
import { registersAt } from './assertions.js';
import type { Recipe } from './arbitrary/program.js';
import { batchProgram, batchRecipes, type BatchSpec } from './batch.js';
import { execute, executeMany } from './execute.js';
import { minimize } from './minimize/index.js';
import { openPair, type TargetPair } from './pair.js';

export interface FuzzTask extends BatchSpec {
  readonly kind: 'fuzz';
  readonly targets: string;
  /** Features already covered by the campaign. */
  readonly known: readonly string[];
  /** Shared with the campaign: slot 0 holds the index of the program running now (names the program of a hung batch). */
  readonly progress?: Int32Array;
}

export interface Found {
  readonly signature: string;
  readonly class: string;
  readonly op: number | null;
  readonly detail: string;
  readonly recipes: Recipe[];
  readonly text: string;
  readonly ops: number;
  /** How many programs of the batch showed this signature. */
  count: number;
}

export interface FuzzResult {
  readonly kind: 'fuzz';
  readonly ran: number;
  /** Programs one target could not run (no verdict). */
  readonly unsupported: number;
  readonly newFeatures: Array<{ readonly features: string[]; readonly recipes: Recipe[] }>;
  readonly divergences: Found[];
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
}

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
  // a batch's programs depend only on its seed and corpus sample, never on each
  // other's outcome, so all are generated first and each target runs them at once
  const recipeList = batchRecipes(t);
  const progress = t.progress;
  const onProgram = progress ? (i: number) => void Atomics.store(progress, 0, i) : undefined;
  const outcomes = await executeMany(recipeList.map((r) => batchProgram(t, r)), tp, onProgram);
  let unsupported = 0;
  for (let i = 0; i < t.count; i++) {
    const recipes = recipeList[i];
    const out = outcomes[i];
    if (out.unsupported) unsupported++;
    const fresh: string[] = [];
    for (const f of out.features) if (!known.has(f)) fresh.push(f);
    if (fresh.length) {
      for (const f of fresh) known.add(f);
      newFeatures.push({ features: fresh, recipes });
    }
    const d = out.divergence;
    if (d) {
      const prog = out.prog;
      const prev = found.get(d.signature);
      if (prev) {
        prev.count++;
        if (prog.ops.length < prev.ops) found.set(d.signature, { ...prev, recipes, text: print(prog), ops: prog.ops.length, detail: d.detail, op: d.op });
      } else {
        found.set(d.signature, { signature: d.signature, class: d.class, op: d.op, detail: d.detail, recipes, text: print(prog), ops: prog.ops.length, count: 1 });
      }
    }
  }
  return { kind: 'fuzz', ran: t.count, unsupported, newFeatures, divergences: [...found.values()] };
}

export async function minimizeWitness(t: MinimizeTask): Promise<MinimizeDone> {
  const tp = await pair(t.targets);
  const prog = parse(t.text);
  let last = { detail: '', class: '' };
  const r = await minimize(
    prog,
    {
      fails: async (p: Program) => {
        const d = (await execute(p, tp)).divergence;
        if (d && d.signature === t.signature) {
          last = { detail: d.detail, class: d.class };
          return true;
        }
        return false;
      },
      bindings: async (p: Program) => registersAt(p, await tp.a.run(tp.adapt(p)), p.ops.length),
    },
    { divergentOp: t.op },
  );
  // the detail of the minimized program itself
  const d = (await execute(r.prog, tp)).divergence;
  if (d) last = { detail: d.detail, class: d.class };
  return { kind: 'minimize', text: print(r.prog), opsBefore: r.opsBefore, opsAfter: r.opsAfter, tests: r.tests, signature: t.signature, ...last };
}

export default function handler(task: FuzzTask | MinimizeTask): Promise<FuzzResult | MinimizeDone> {
  return task.kind === 'fuzz' ? fuzzBatch(task) : minimizeWitness(task);
}
