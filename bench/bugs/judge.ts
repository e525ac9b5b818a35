// Attribution for bench/bugs.ts: a witness counts for the injected bug only when the
// bug-free impl of this thread agrees with the model on it; otherwise it shows a
// pre-existing ("latent") divergence. Synchronous, so a campaign can stop on it.

import { compare, parse, type Program } from '../../abi/index.js';
import { INJECTED } from '../../fuzz/mutants.js';
import { TARGETS } from '../../fuzz/targets.js';

// this thread's impl/ must be bug-free: it judges the witnesses
if (INJECTED.length) throw new Error('bench/bugs.ts: run it without MMDIFF_INJECT (it sets the variable per campaign)');
const model = TARGETS.model.openLocal!('model');
const impl = TARGETS.impl.openLocal!('impl');

/** Model and the bug-free impl disagree on the program (or it cannot be read). */
export function latent(p: Program | string): boolean {
  let prog: Program;
  try {
    prog = typeof p === 'string' ? parse(p) : p;
  } catch {
    return true;
  }
  const a = model.runSync(prog);
  const b = impl.runSync(prog);
  return compare(a, b, prog) !== null || a.crash !== undefined || b.crash !== undefined;
}

/** Model and the given factory's impl disagree: the harness's own check. */
export function diverges(prog: Program, run: (p: Program) => ReturnType<typeof model.runSync>): boolean {
  const a = model.runSync(prog);
  const b = run(prog);
  return compare(a, b, prog) !== null || b.crash !== undefined;
}
