// Re-triage for a nondeterministic target (the live kernel): a divergence counts only
// when it reproduces — the same signature in at least 3 of 5 runs, as syzkaller keeps
// signal seen in 3 of 5 runs. Those that do not are counted as flaky. Minimization
// checks each candidate the same way. Deterministic pairs (model, impl) run once.

import type { Divergence, Program } from '../abi/index.js';
import { execute, type Outcome } from './execute.js';
import type { TargetPair } from './pair.js';

export const RUNS = 5;
export const NEEDED = 3;

/** Whether a pair can give different traces for the same program. */
export function nondeterministic(pair: TargetPair): boolean {
  return pair.names.some((n) => n.split('@')[0] === 'kernel');
}

/**
 * The divergence of `p` when it reproduces: for a nondeterministic pair, the signature
 * (`sig`, else that of the first run) in NEEDED of RUNS runs; null otherwise.
 */
export async function confirm(p: Program, pair: TargetPair, sig: string | undefined): Promise<Divergence | null> {
  const first = (await execute(p, pair)).divergence;
  if (!nondeterministic(pair)) return first;
  const want = sig ?? first?.signature;
  if (want === undefined) return null;
  let yes = first?.signature === want ? 1 : 0;
  let no = 1 - yes;
  let shown = first?.signature === want ? first : null;
  while (yes < NEEDED && no <= RUNS - NEEDED) {
    const d = (await execute(p, pair)).divergence;
    if (d?.signature === want) {
      yes++;
      shown ??= d;
    } else no++;
  }
  return yes >= NEEDED ? shown : null;
}

export type Verdict = null | 'flaky' | { readonly kind: 'effect'; readonly effect: string } | { readonly kind: 'cause'; readonly divergence: Divergence; readonly full: string };

/** What a batch outcome contributes: nothing, a flaky divergence, an effect not analysed, or a confirmed cause. */
export async function divergenceOf(out: Outcome, pair: TargetPair): Promise<Verdict> {
  if (!out.full) return null;
  if (!out.divergence) return { kind: 'effect', effect: out.full.signature };
  if (!nondeterministic(pair)) return { kind: 'cause', divergence: out.divergence, full: out.full.signature };
  // the batch's run was one of the five
  let yes = 1;
  let no = 0;
  while (yes < NEEDED && no <= RUNS - NEEDED) {
    if ((await execute(out.prog, pair)).divergence?.signature === out.divergence.signature) yes++;
    else no++;
  }
  return yes >= NEEDED ? { kind: 'cause', divergence: out.divergence, full: out.full.signature } : 'flaky';
}
