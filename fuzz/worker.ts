// The worker-thread side of a campaign (run by piscina): a batch of programs
// generated or mutated from the corpus sample it was sent, each run on both targets;
// it returns what was new. Also minimizes a witness on request. Deterministic: a
// batch's programs depend only on its seed and its corpus sample.

import { parse, print, type OpName, type Program } from '../abi/index.js';
import { registersAt } from './assertions.js';
import { buildProgram, type Recipe } from './arbitrary/program.js';
import { execute } from './execute.js';
import { minimize } from './minimize/index.js';
import { mutate, randomRecipes } from './mutate.js';
import { Rng } from './rng.js';
import { targetPair, type Target } from './target.js';

export interface FuzzTask {
  readonly kind: 'fuzz';
  readonly targets: string;
  readonly seed: number;
  readonly count: number;
  readonly maxOps: number;
  /** Programs to mutate (recipes), a sample of the campaign's corpus. */
  readonly corpus: readonly (readonly Recipe[])[];
  /** Features already covered by the campaign. */
  readonly known: readonly string[];
  readonly exclude?: readonly OpName[];
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

const pairs = new Map<string, [Target, Target]>();
function pair(spec: string): [Target, Target] {
  let p = pairs.get(spec);
  if (!p) {
    p = targetPair(spec);
    pairs.set(spec, p);
  }
  return p;
}

export function fuzzBatch(t: FuzzTask): FuzzResult {
  const [a, b] = pair(t.targets);
  const rng = new Rng(t.seed);
  const known = new Set(t.known);
  const newFeatures: FuzzResult['newFeatures'] = [];
  const found = new Map<string, Found>();
  for (let i = 0; i < t.count; i++) {
    const recipes =
      t.corpus.length && rng.chance(75)
        ? mutate(rng, rng.pick(t.corpus), rng.chance(20) ? rng.pick(t.corpus) : undefined, t.maxOps)
        : randomRecipes(rng, t.maxOps);
    const prog = buildProgram(recipes, { exclude: t.exclude });
    const out = execute(prog, a, b);
    const fresh: string[] = [];
    for (const f of out.features) if (!known.has(f)) fresh.push(f);
    if (fresh.length) {
      for (const f of fresh) known.add(f);
      newFeatures.push({ features: fresh, recipes });
    }
    const d = out.divergence;
    if (d) {
      const prev = found.get(d.signature);
      if (prev) {
        prev.count++;
        if (prog.ops.length < prev.ops) found.set(d.signature, { ...prev, recipes, text: print(prog), ops: prog.ops.length, detail: d.detail, op: d.op });
      } else {
        found.set(d.signature, { signature: d.signature, class: d.class, op: d.op, detail: d.detail, recipes, text: print(prog), ops: prog.ops.length, count: 1 });
      }
    }
  }
  return { kind: 'fuzz', ran: t.count, newFeatures, divergences: [...found.values()] };
}

export function minimizeWitness(t: MinimizeTask): MinimizeDone {
  const [a, b] = pair(t.targets);
  const prog = parse(t.text);
  let last = { detail: '', class: '' };
  const r = minimize(
    prog,
    {
      fails: (p: Program) => {
        const d = execute(p, a, b).divergence;
        if (d && d.signature === t.signature) {
          last = { detail: d.detail, class: d.class };
          return true;
        }
        return false;
      },
      bindings: (p: Program) => registersAt(p, a.run(p), p.ops.length),
    },
    { divergentOp: t.op },
  );
  // the detail of the minimized program itself
  const d = execute(r.prog, a, b).divergence;
  if (d) last = { detail: d.detail, class: d.class };
  return { kind: 'minimize', text: print(r.prog), opsBefore: r.opsBefore, opsAfter: r.opsAfter, tests: r.tests, signature: t.signature, ...last };
}

export default function handler(task: FuzzTask | MinimizeTask): FuzzResult | MinimizeDone {
  return task.kind === 'fuzz' ? fuzzBatch(task) : minimizeWitness(task);
}
