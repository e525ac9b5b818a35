// One fuzzing step: run a program on both targets, compare, and name the features it
// reached — the reference target's rule coverage plus each op's result kind.

import { compare, type Divergence, type Program, type Trace } from '../abi/index.js';
import { resultKind } from '../abi/compare.js';
import type { Target } from './target.js';
import { locate } from './locate.js';

export interface Outcome {
  readonly a: Trace;
  readonly b: Trace;
  readonly divergence: Divergence | null;
  readonly features: ReadonlySet<string>;
}

export function execute(prog: Program, a: Target, b: Target): Outcome {
  const features = new Set<string>();
  const ta = a.run(prog, { hit: (f) => features.add(f) });
  const tb = b.run(prog);
  ta.results.forEach((r, i) => features.add(`${prog.ops[i].name}=${resultKind(r)}`));
  for (const p of ta.state.processes) if (p.ptes.some((e) => e.guard)) features.add('state:guard');
  const divergence = locate(prog, a, b, compare(ta, tb, prog));
  if (divergence) features.add(`diverge:${divergence.signature}`);
  return { a: ta, b: tb, divergence, features };
}

