// Generation and mutation of programs (AFL's havoc, on ops). A mutation works on any
// program — the campaign's finds, `.mm` cases, other instances' queues — and keeps it
// valid: a new op is resolved against the context at its position (gen/context.ts), a
// removed op's bindings become the values its run gave them, a new fork renumbers the
// processes after it. Mutations: insert, append, remove, duplicate, regenerate or
// replace an op, move an op to another process, push an argument to a boundary of the
// known state (a VMA edge ± 1 page, 2 MiB ± 1 page, max_map_count − 1), nudge a
// literal, change the machine, splice two programs.

import { DEFAULT_MACHINE, OPS, type Arg, type MachineConfig, type Op, type OpName, type Program, evalArg } from '../abi/index.js';
import { contextAt, PAGE } from './gen/context.js';
import { RngDecisions } from './gen/decisions.js';
import { chooseMachine, FIXED_MACHINE, type MachineSpace } from './gen/machine.js';
import { buildProgram, RECIPE_CHOICES, RECIPE_MAX, resolveOp, type Recipe } from './gen/program.js';
import { opTable } from './gen/table.js';
import { edgeAddress, SZ_2M, u } from './gen/values.js';
import { removeOps } from './minimize/edit.js';
import type { Rng } from './rng.js';
import type { Seed } from './seed.js';

export interface MutateOptions {
  readonly maxOps: number;
  readonly exclude?: readonly OpName[];
  /** What the campaign may vary of the machine. */
  readonly space?: MachineSpace;
  /** The targets' own layout (the live kernel's): constants for the generator. */
  readonly layout?: Partial<MachineConfig>;
}

export function randomRecipe(rng: Rng): Recipe {
  const n = new Array<number>(RECIPE_CHOICES);
  for (let i = 0; i < RECIPE_CHOICES; i++) n[i] = rng.below(RECIPE_MAX + 1);
  return { op: rng.below(RECIPE_MAX + 1), proc: rng.below(RECIPE_MAX + 1), n };
}

export function randomRecipes(rng: Rng, maxOps: number): Recipe[] {
  const len = 1 + rng.below(maxOps);
  const out: Recipe[] = [];
  for (let i = 0; i < len; i++) out.push(randomRecipe(rng));
  return out;
}

/** A fresh program on a machine chosen from the campaign's space. */
export function generate(rng: Rng, o: MutateOptions): Program {
  const recipes = randomRecipes(rng, o.maxOps);
  const machine = chooseMachine(rng, o.space ?? FIXED_MACHINE);
  return buildProgram(recipes, { exclude: o.exclude, layout: o.layout, ...(machine ? { machine } : {}) });
}

function machineOf(p: Program, o: MutateOptions): MachineConfig {
  return { ...DEFAULT_MACHINE, ...o.layout, ...p.machine };
}

type MutOp = { -readonly [K in keyof Op]: Op[K] };

/** Forks among the first `n` ops: the processes that exist at position n are p0..pForks. */
function forksBefore(ops: readonly Op[], n: number): number {
  let k = 0;
  for (let i = 0; i < n && i < ops.length; i++) if (ops[i].name === 'fork') k++;
  return k;
}

/** `op` inserted at `at`; a fork shifts the process numbers of the later ops that run in later processes. */
function insertAt(p: Program, at: number, op: Op): Program {
  const ops = p.ops.slice();
  if (op.name === 'fork') {
    const child = forksBefore(ops, at) + 1;
    for (let i = at; i < ops.length; i++) if (ops[i].proc >= child) ops[i] = { ...ops[i], proc: ops[i].proc + 1 };
  }
  ops.splice(at, 0, op);
  return { ...p, ops };
}

/** A new op resolved at position `at` of `s` (the op `force` if given). */
function freshOp(rng: Rng, s: Seed, at: number, o: MutateOptions, force?: OpName): Op {
  const ctx = contextAt(s.prog, at, machineOf(s.prog, o), s.known);
  const names = opTable(ctx.flavor, o.exclude);
  return resolveOp(new RngDecisions(rng), rng.below(RECIPE_MAX + 1), rng.below(RECIPE_MAX + 1), ctx, names, -1, force);
}

/** Arguments of an op that are addresses or lengths (the ones boundaries apply to). */
function argsOfKind(name: OpName, kind: 'addr' | 'len'): number[] {
  const out: number[] = [];
  OPS[name].args.forEach((k, i) => k === kind && name !== 'call' && name !== 'ret' && out.push(i));
  return out;
}

/** An argument moved onto a boundary of the known state. */
function boundary(rng: Rng, s: Seed, i: number, o: MutateOptions): Program | null {
  const op = s.prog.ops[i];
  const c = new RngDecisions(rng);
  const addrs = argsOfKind(op.name, 'addr');
  const lens = argsOfKind(op.name, 'len');
  const known = s.known;
  const set = (j: number, a: Arg): Program => {
    const ops = s.prog.ops.slice();
    const args = op.args.slice();
    args[j] = a;
    ops[i] = { ...op, args };
    return { ...s.prog, ops };
  };
  if (addrs.length && (!lens.length || rng.chance(50))) {
    const ctx = contextAt(s.prog, i, machineOf(s.prog, o), known);
    const a = edgeAddress(c, ctx);
    return a === null ? null : set(addrs[rng.below(addrs.length)], a);
  }
  if (!lens.length) return null;
  const j = lens[rng.below(lens.length)];
  const d = c.weighted([[0n, 2], [-PAGE, 1], [PAGE, 1]] as const);
  // up to a VMA edge from the op's own address, a known VMA's length, or around 2 MiB
  const kind = known?.vmas.length && addrs.length ? rng.below(3) : 2;
  if (kind === 0) {
    const from = evalArg(op.args[addrs[0]], known!.values);
    const edges = known!.vmas.flatMap(([a, b]) => [a, b]).filter((e) => e > from);
    if (!edges.length) return null;
    return set(j, u(edges[rng.below(Math.min(edges.length, 3))] - from + d));
  }
  if (kind === 1) {
    const [a, b] = known!.vmas[rng.below(known!.vmas.length)];
    return set(j, u(b - a + d));
  }
  return set(j, u(SZ_2M * BigInt(1 + rng.below(3)) + d));
}

/** A literal nudged as AFL does with integers: ± a little, a page, a bit flipped, 0 or -1. */
function nudge(rng: Rng, p: Program, i: number): Program | null {
  const op = p.ops[i];
  const lits = op.args.map((a, j) => (typeof a === 'bigint' ? j : -1)).filter((j) => j >= 0);
  if (!lits.length) return null;
  const j = lits[rng.below(lits.length)];
  const v = op.args[j] as bigint;
  const nv = [v + 1n, v - 1n, v + PAGE, v - PAGE, v ^ (1n << BigInt(rng.below(64))), 0n, u(-1n)][rng.below(7)];
  const args = op.args.slice();
  args[j] = u(nv);
  const ops = p.ops.slice();
  ops[i] = { ...op, args };
  return { ...p, ops };
}

/** One machine parameter moved (or the chosen machine replaced). */
function remachine(rng: Rng, s: Seed, o: MutateOptions): Program | null {
  const space = o.space ?? FIXED_MACHINE;
  if (!space.vary) return null;
  const cur: { -readonly [K in keyof MachineConfig]?: MachineConfig[K] } = { ...s.prog.machine };
  switch (rng.below(3)) {
    case 0: {
      // just at the limit of what the program maps (max_map_count - 1 and around)
      const n = s.known ? s.known.vmas.length : 8;
      cur.maxMapCount = Math.max(1, n + rng.below(3) - 1);
      break;
    }
    case 1: {
      const k = (['pku', 'thp', 'memoryFailure', 'zeroPage'] as const)[rng.below(4)];
      cur[k] = !(cur[k] ?? DEFAULT_MACHINE[k]);
      break;
    }
    default: {
      const fresh = { ...(s.prog.machine?.shstk ? { shstk: true } : {}), ...chooseMachine(rng, space) };
      return withMachine(s.prog, fresh);
    }
  }
  return withMachine(s.prog, cur);
}

function withMachine(p: Program, m: Partial<MachineConfig>): Program {
  const { machine: _old, ...rest } = p;
  return Object.keys(m).length ? { ...rest, machine: m } : rest;
}

/** A prefix of `a`, then a suffix of `b` (b's bindings renamed clear of a's, its missing ones by value, its processes clamped). */
function splice(rng: Rng, a: Seed, b: Seed): Program {
  const at = rng.below(a.prog.ops.length + 1);
  const from = rng.below(b.prog.ops.length);
  let shift = 0;
  for (const op of a.prog.ops) if (op.bind !== undefined) shift = Math.max(shift, op.bind + 1);
  const head = a.prog.ops.slice(0, at);
  const tail = removeOps(b.prog, new Set(b.prog.ops.map((_, i) => i).filter((i) => i < from)), b.known?.values ?? new Map());
  let procs = forksBefore(head, head.length) + 1;
  const out: Op[] = [...head];
  for (const op of tail.ops) {
    const args = op.args.map((x): Arg => (typeof x === 'bigint' ? x : x.map((t) => (t.ref === undefined ? t : { ...t, ref: t.ref + shift }))));
    const m: MutOp = { ...op, args, proc: Math.min(op.proc, procs - 1) };
    if (op.bind !== undefined) m.bind = op.bind + shift;
    out.push(m);
    if (op.name === 'fork') procs++;
  }
  return { ...a.prog, ops: out };
}

/** One to four stacked mutations of `base`. */
export function mutate(rng: Rng, base: Seed, other: Seed | undefined, o: MutateOptions): Program {
  let s: Seed = base;
  const rounds = 1 + rng.below(4);
  for (let k = 0; k < rounds; k++) {
    const p = s.prog;
    const n = p.ops.length;
    const i = rng.below(Math.max(1, n));
    let next: Program | null = null;
    switch (rng.below(other ? 12 : 11)) {
      case 0: // insert a fresh op
      case 1: {
        const at = rng.below(n + 1);
        next = insertAt(p, at, freshOp(rng, s, at, o));
        break;
      }
      case 2: // append: the known end state is exact there
        next = insertAt(p, n, freshOp(rng, s, n, o));
        break;
      case 3: // remove an op
        if (n > 1) next = removeOps(p, new Set([i]), s.known?.values ?? new Map());
        break;
      case 4: {
        // duplicate an op later (same arguments, later context; a binding gets a fresh number)
        if (!n) break;
        const at = i + 1 + rng.below(n - i);
        const dup: MutOp = { ...p.ops[i] };
        if (dup.bind !== undefined) dup.bind = contextAt(p, 0, machineOf(p, o)).nextBind;
        next = insertAt(p, at, dup);
        break;
      }
      case 5: // the same op with new arguments
        if (n) next = replaceOp(p, i, freshOp(rng, s, i, o, p.ops[i].name), s.known?.values ?? new Map());
        break;
      case 6: // another op in its place
        if (n) next = replaceOp(p, i, freshOp(rng, s, i, o), s.known?.values ?? new Map());
        break;
      case 7:
      case 8: // an argument onto a boundary of the known state
        if (n) next = boundary(rng, s, i, o);
        break;
      case 9: // a literal nudged, or the op moved to another process that exists there
        if (!n) break;
        if (rng.chance(70)) next = nudge(rng, p, i);
        else {
          const procs = forksBefore(p.ops, i) + 1;
          const ops = p.ops.slice();
          ops[i] = { ...ops[i], proc: rng.below(procs) };
          next = { ...p, ops };
        }
        break;
      case 10: // the machine
        next = remachine(rng, s, o);
        break;
      case 11: // splice
        next = splice(rng, s, other!);
        break;
    }
    // later rounds see the changed program; the known state stays the base's (approximate)
    if (next) s = { prog: next, ...(s.known ? { known: s.known } : {}) };
  }
  let out = s.prog;
  if (out.ops.length > o.maxOps) out = { ...out, ops: out.ops.slice(0, o.maxOps) };
  if (out.ops.length === 0) out = generate(rng, o);
  return out;
}

/** `op` in place of op i (a fork is never replaced: its process's ops depend on it). */
function replaceOp(p: Program, i: number, op: Op, values: ReadonlyMap<number, bigint>): Program | null {
  const old = p.ops[i];
  if (old.name === 'fork') return null;
  const m: MutOp = { ...op };
  // a binding it replaces keeps its number, so later uses stay
  if (old.bind !== undefined && m.bind !== undefined) m.bind = old.bind;
  if (op.name !== 'fork' && (old.bind === undefined || m.bind !== undefined)) {
    const ops = p.ops.slice();
    ops[i] = m;
    return { ...p, ops };
  }
  // the old binding's uses take its value; a new fork renumbers what follows
  return insertAt(removeOps(p, new Set([i]), values), i, m);
}
