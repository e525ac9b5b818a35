// Re-running a bucket's case on both targets for the report: the traces side by side
// and the state differences, as data. A case that cannot be re-run here (a target
// that is missing on this machine, an unreadable file) becomes a reason to show in
// its section, never a failed report.

import type { Divergence, Program } from '../../abi/index.js';
import { execute } from '../execute.js';
import type { TargetPair } from '../pair.js';
import { stateDifferences, traceRows, type StateDifference, type TraceRow } from '../statediff.js';

export type Rerun =
  | {
      readonly ok: true;
      readonly rows: readonly TraceRow[];
      readonly differences: readonly StateDifference[];
      readonly divergence: Divergence | null;
      /** Why a target could not run the program (then nothing is compared). */
      readonly unsupported?: string;
    }
  | { readonly ok: false; readonly reason: string };

export async function rerun(load: () => Program, pair: TargetPair | string): Promise<Rerun> {
  // a string is why the pair could not be opened: every bucket says so
  if (typeof pair === 'string') return { ok: false, reason: pair };
  try {
    const out = await execute(load(), pair);
    const [a, b] = pair.observed(out.a, out.b);
    return {
      ok: true,
      rows: traceRows(out.prog, a, b, out.divergence),
      differences: out.unsupported ? [] : stateDifferences(a, b),
      divergence: out.divergence,
      ...(out.unsupported ? { unsupported: out.unsupported } : {}),
    };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
