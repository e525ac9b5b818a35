// Editing programs without breaking them: removing ops fixes up what depended on
// them — a removed binding's uses become its value from a reference run, a removed
// fork takes its child's ops with it, and later processes are renumbered.

import type { Arg, Op, Program } from '../../abi/index.js';

/** Replace uses of bindings not in `live` by their recorded values. */
function fixArg(a: Arg, live: ReadonlySet<number>, values: ReadonlyMap<number, bigint>): Arg {
  if (typeof a === 'bigint' || a.every((t) => t.ref === undefined || live.has(t.ref))) return a;
  const terms = a.map((t) => (t.ref === undefined || live.has(t.ref) ? t : { neg: t.neg, lit: values.get(t.ref) ?? 0n }));
  if (terms.every((t) => t.ref === undefined)) {
    let v = 0n;
    for (const t of terms) v += t.neg ? -(t.lit as bigint) : (t.lit as bigint);
    return BigInt.asUintN(64, v);
  }
  return terms;
}

/**
 * The program without the ops in `drop` (and the ops of processes whose fork was
 * dropped). `values` holds every binding's register value from a run of `prog`.
 */
export function removeOps(prog: Program, drop: ReadonlySet<number>, values: ReadonlyMap<number, bigint>): Program {
  const pidMap = new Map<number, number>([[0, 0]]);
  let oldForks = 0;
  let newForks = 0;
  const kept: Op[] = [];
  const live = new Set<number>();
  prog.ops.forEach((op, i) => {
    const proc = pidMap.get(op.proc);
    const isFork = op.name === 'fork';
    if (isFork) oldForks++;
    if (drop.has(i) || proc === undefined) return; // a dropped fork leaves its child unmapped
    if (isFork) pidMap.set(oldForks, ++newForks);
    const args = op.args.map((a) => fixArg(a, live, values));
    kept.push({ ...op, proc, args });
    if (op.bind !== undefined) live.add(op.bind);
  });
  return { ...prog, ops: kept };
}

/** Bindings renamed r0, r1, … in order, and dropped where nothing uses them. */
export function normalizeBindings(prog: Program): Program {
  const used = new Set<number>();
  for (const op of prog.ops) for (const a of op.args) if (typeof a !== 'bigint') for (const t of a) if (t.ref !== undefined) used.add(t.ref);
  const rename = new Map<number, number>();
  const ops = prog.ops.map((op) => {
    let bind: number | undefined;
    if (op.bind !== undefined && used.has(op.bind)) {
      bind = rename.size;
      rename.set(op.bind, bind);
    }
    const args = op.args.map((a) => (typeof a === 'bigint' ? a : a.map((t) => (t.ref === undefined ? t : { ...t, ref: rename.get(t.ref) as number }))));
    const out: { -readonly [K in keyof Op]: Op[K] } = { ...op, args };
    if (bind === undefined) delete out.bind;
    else out.bind = bind;
    return out;
  });
  return { ...prog, ops };
}

/** The program with one argument replaced. */
export function withArg(prog: Program, op: number, arg: number, value: Arg): Program {
  const ops = prog.ops.slice();
  const args = ops[op].args.slice();
  args[arg] = value;
  ops[op] = { ...ops[op], args };
  return { ...prog, ops };
}
