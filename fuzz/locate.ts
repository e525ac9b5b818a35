// An end-state divergence names no op. Replaying prefixes finds the first op after
// which the states differ in the same way, and the signature names that op
// (`end pte.D 1/0` becomes `write pte.D 1/0`), so buckets separate distinct causes.

import type { Divergence, Program } from '../abi/index.js';
import type { TargetPair } from './pair.js';

export async function locate(prog: Program, pair: TargetPair, d: Divergence | null): Promise<Divergence | null> {
  if (!d || d.op !== null || !d.signature.startsWith('end ')) return d;
  const what = d.signature.slice(4);
  const same = async (k: number) => {
    const p = { ...prog, ops: prog.ops.slice(0, k) };
    const [ta, tb] = await Promise.all([pair.a.run(p), pair.b.run(p)]);
    const e = pair.compare(ta, tb, p);
    return e !== null && e.op === null && e.signature === d.signature;
  };
  // smallest prefix showing the same state divergence (binary search; the full
  // program is known to show it)
  let lo = 0;
  let hi = prog.ops.length;
  while (lo + 1 < hi) {
    const mid = (lo + hi) >> 1;
    if (await same(mid)) hi = mid;
    else lo = mid;
  }
  const op = hi - 1;
  if (op < 0) return d;
  return { ...d, op, signature: `${prog.ops[op].name} ${what}` };
}
