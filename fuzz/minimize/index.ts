// Staged minimization of a failing program, each step keeping the same failure:
// 1. drop the ops after the divergent op; 2. delta debugging over ops (fixing up rN
// references and process numbers); 3. single-op removal alternated with simpler
// arguments to a fixpoint; 4. tidy binding names.
// Candidates are memoized by their printed text.

import { print, type Program } from '../../abi/index.js';
import { ddmin } from './ddmin.js';
import { argCandidates } from './args.js';
import { normalizeBindings, removeOps, withArg } from './edit.js';

export interface MinimizeSubject {
  /** Whether the candidate still fails the same way (same divergence signature). */
  fails(p: Program): boolean | Promise<boolean>;
  /** Register values of the program's bindings on the reference target. */
  bindings(p: Program): ReadonlyMap<number, bigint> | Promise<ReadonlyMap<number, bigint>>;
}

export interface MinimizeResult {
  readonly prog: Program;
  readonly opsBefore: number;
  readonly opsAfter: number;
  readonly tests: number;
}

export async function minimize(prog: Program, subject: MinimizeSubject, opts: { divergentOp?: number | null; maxTests?: number } = {}): Promise<MinimizeResult> {
  const maxTests = opts.maxTests ?? 5000;
  const memo = new Map<string, boolean>();
  let tests = 0;
  const fails = async (p: Program): Promise<boolean> => {
    const key = print(p);
    let r = memo.get(key);
    if (r === undefined) {
      if (tests >= maxTests) return false;
      tests++;
      r = await subject.fails(p);
      memo.set(key, r);
    }
    return r;
  };
  let cur = prog;
  // 1. the ops after a divergent result cannot matter to it
  if (opts.divergentOp != null && opts.divergentOp + 1 < cur.ops.length) {
    const tail = new Set<number>();
    for (let i = opts.divergentOp + 1; i < cur.ops.length; i++) tail.add(i);
    const cand = removeOps(cur, tail, await subject.bindings(cur));
    if (await fails(cand)) cur = cand;
  }
  // 2. delta debugging over ops
  {
    const base = cur;
    const values = await subject.bindings(base);
    const all = base.ops.map((_, i) => i);
    const keepSet = (keep: readonly number[]) => {
      const k = new Set(keep);
      return removeOps(base, new Set(all.filter((i) => !k.has(i))), values);
    };
    const keep = await ddmin(all, (k) => fails(keepSet(k)));
    const cand = keepSet(keep);
    if (await fails(cand)) cur = cand;
  }
  // 2b/3. single-op removal and simpler arguments, alternated to a fixpoint: a
  // simpler argument can turn an op into a no-op that can then go
  for (let changed = true; changed && tests < maxTests; ) {
    changed = false;
    for (let i = cur.ops.length - 1; i >= 0; i--) {
      const cand = removeOps(cur, new Set([i]), await subject.bindings(cur));
      if (cand.ops.length < cur.ops.length && (await fails(cand))) {
        cur = cand;
        changed = true;
      }
    }
    for (let i = 0; i < cur.ops.length; i++) {
      for (let j = 0; j < cur.ops[i].args.length; j++) {
        for (const c of argCandidates(cur.ops[i], j)) {
          const cand = withArg(cur, i, j, c);
          if (await fails(cand)) {
            cur = cand;
            changed = true;
            break;
          }
        }
      }
    }
  }
  // 4. tidy names: renaming bindings never changes behaviour, but check anyway
  const tidy = normalizeBindings(cur);
  if (await fails(tidy)) cur = tidy;
  return { prog: cur, opsBefore: prog.ops.length, opsAfter: cur.ops.length, tests };
}
