// One fuzzing step: run programs on both targets of a pair, compare, name the cause of
// a divergence (fuzz/cause.ts), and name the features each program reached — the
// reference target's rule coverage plus each op's result kind. A batch goes to each
// target at once (the kernel pipelines it).

import { checkPteInvariants, type Divergence, type Program, type Trace } from '../abi/index.js';
import { resultKind } from '../abi/compare.js';
import { cause } from './cause.js';
import type { TargetPair } from './pair.js';

export interface Outcome {
  /** The program as both targets ran it (TargetPair.adapt). */
  readonly prog: Program;
  readonly a: Trace;
  readonly b: Trace;
  /** The first difference of the whole run (an effect, perhaps of an earlier cause). */
  readonly full: Divergence | null;
  /** The divergence named after its cause; null when there is none or it was not analysed. */
  readonly divergence: Divergence | null;
  readonly features: ReadonlySet<string>;
  /** Why one target could not run the program (then there is no divergence). */
  readonly unsupported?: string;
}

/**
 * `onProgram(i)` is told before each target starts program i (a hang names its program);
 * `analyse(full)` says whether to trace this divergence to its cause (default: always).
 */
export async function executeMany(progs: readonly Program[], pair: TargetPair, onProgram?: (i: number) => void, analyse?: (full: Divergence) => boolean): Promise<Outcome[]> {
  const run = progs.map((p) => pair.adapt(p));
  const features = run.map(() => new Set<string>());
  const ta = await pair.a.runMany(run, features.map((f) => ({ hit: (x: string) => void f.add(x) })), onProgram);
  const tb = await pair.b.runMany(run, undefined, onProgram);
  // an op the live kernel refused because its range reaches the helper's own memory (a
  // length of 2^47, RAM + swap from near the top): what ran before it still compares, so
  // both targets run the program up to that op instead (a model,kernel campaign lost one
  // generated program in seven to these)
  const cut = run.map((p, i) => helperRefusal(p, ta[i].unsupported ?? tb[i].unsupported));
  const again = cut.flatMap((c, i) => (c !== null ? [i] : []));
  if (again.length) {
    const prefixes = again.map((i) => cut[i]!);
    const pf = prefixes.map(() => new Set<string>());
    const pa = await pair.a.runMany(prefixes, pf.map((f) => ({ hit: (x: string) => void f.add(x) })), onProgram && ((j) => onProgram(again[j])));
    const pb = await pair.b.runMany(prefixes, undefined, onProgram && ((j) => onProgram(again[j])));
    again.forEach((i, j) => {
      run[i] = prefixes[j];
      ta[i] = pa[j];
      tb[i] = pb[j];
      features[i] = pf[j];
    });
  }
  const out: Outcome[] = [];
  for (let i = 0; i < run.length; i++) {
    const prog = run[i];
    const f = features[i];
    const a = ta[i];
    const b = tb[i];
    a.results.forEach((r, k) => f.add(`${prog.ops[k].name}=${resultKind(r)}`));
    for (const p of a.state.processes) if (p.ptes.some((e) => e.guard)) f.add('state:guard');
    const unsupported = a.unsupported ?? b.unsupported;
    const full = unsupported ? null : (pair.compare(a, b, prog) ?? invariantBroken(pair, a, b));
    const divergence = full && (analyse?.(full) ?? true) ? await cause(prog, pair, full, a, b) : null;
    // a new kind of effect is worth keeping (NEZHA's delta-diversity)
    if (full) f.add(`diverge:${full.signature}`);
    out.push({ prog, a, b, full, divergence, features: f, ...(unsupported ? { unsupported } : {}) });
  }
  return out;
}

/** The ops before the one a target refused for reaching the kernel helper's memory, when there are any. */
function helperRefusal(prog: Program, why: string | undefined): Program | null {
  // the kernel target numbers the refused op from 0
  const m = why === undefined ? null : /^op (\d+): .*the helper's memory/.exec(why);
  const n = m ? Number(m[1]) : 0;
  return n > 0 && n < prog.ops.length ? { ...prog, ops: prog.ops.slice(0, n) } : null;
}

export async function execute(prog: Program, pair: TargetPair): Promise<Outcome> {
  return (await executeMany([prog], pair))[0];
}

/** A state no correct target can reach (abi/invariants.ts), even when both agree on it. */
function invariantBroken(pair: TargetPair, a: Trace, b: Trace): Divergence | null {
  for (const [name, t] of [[pair.a.name, a], [pair.b.name, b]] as const) {
    const why = checkPteInvariants(t.state);
    if (why) return { class: 'invariant', op: null, signature: `invariant ${name} pte RW=0,D=1 outside shadow stack`, detail: `${name}: ${why}`, what: 'invariant', shows: why };
  }
  return null;
}
