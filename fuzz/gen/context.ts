// What the generator knows at a position of a program: which bindings hold addresses,
// shadow stacks, trampfds and pkeys, how many processes exist, the pending calls — all
// read off the ops before it (record), so an op can be generated at any position of
// any program: a fresh one, a queue entry or a `.mm` case. After a run, the end state
// (VMA bounds, binding values) is known too and lets arguments land on VMA edges.

import { ARCH_SHSTK, MADV, MAP, PROT, type Arg, type MachineConfig, type Op, type Program } from '../../abi/index.js';

export const PAGE = 0x1000n;

/** What a program is mostly about. */
export type Flavor = 'mm' | 'shstk' | 'trampfd' | 'thp';

/** The end state of a run of the program (fuzz/seed.ts): where its VMAs are and what its bindings held. */
export interface KnownState {
  /** [start, end) of every VMA of every process, sorted. */
  readonly vmas: ReadonlyArray<readonly [bigint, bigint]>;
  /** The register value of each binding in that run. */
  readonly values: ReadonlyMap<number, bigint>;
}

export interface Ctx {
  readonly flavor: Flavor;
  /** The machine the program runs on: placement constants come from here. */
  readonly machine: MachineConfig;
  /** Bindings that hold addresses (mmap/mremap/brk/map_shadow_stack results), newest last. */
  readonly addrs: number[];
  /** The next free binding number. */
  nextBind: number;
  procs: number;
  /** map_shadow_stack results and the size each asked for (its token is at base + size - 8). */
  readonly shstks: Array<{ bind: number; size: bigint }>;
  /** Return addresses of the calls so far, innermost last (rets mostly pop them). */
  readonly calls: bigint[];
  /** trampfd_create results (descriptors), and the process that ran each (the trampfd's creator). */
  readonly fds: number[];
  readonly fdProcs: number[];
  /** Results of mmaps of a trampfd (trampoline pages). */
  readonly tramps: number[];
  /** Table addresses given to trampfd_write_code / _data. */
  readonly tables: Arg[];
  /** Results of anonymous read-write mmaps: where the kernel can write (trampfd_info) and tables live. */
  readonly rw: number[];
  /** pkey_alloc results. */
  readonly pkeys: number[];
  /** The literal length the latest mmap asked for (a huge-page program's opening advises all of it). */
  mapLength?: bigint;
  /** ARCH_SHSTK_ENABLE calls so far: the first enables SHSTK, later ones WRSS more often. */
  enables: number;
  /** The previous op. */
  last: Op['name'] | null;
  /** The end state of a run, when generating into a program that ran (mutation). */
  readonly known?: KnownState;
}

export function newContext(flavor: Flavor, machine: MachineConfig, known?: KnownState): Ctx {
  return { flavor, machine, addrs: [], nextBind: 0, procs: 1, shstks: [], calls: [], fds: [], fdProcs: [], tramps: [], tables: [], rw: [], pkeys: [], enables: 0, last: null, ...(known ? { known } : {}) };
}

const lit = (a: Arg | undefined): bigint | undefined => (typeof a === 'bigint' ? a : undefined);
const refOf = (a: Arg | undefined): number | undefined => (a !== undefined && typeof a !== 'bigint' && a.length === 1 && !a[0].neg ? a[0].ref : undefined);

/** Updates the context with what `op` adds (it just ran at the context's position). */
export function record(ctx: Ctx, op: Op): void {
  ctx.last = op.name;
  const b = op.bind;
  if (b !== undefined) ctx.nextBind = Math.max(ctx.nextBind, b + 1);
  switch (op.name) {
    case 'mmap': {
      if (b === undefined) break;
      ctx.addrs.push(b);
      ctx.mapLength = lit(op.args[1]);
      const prot = lit(op.args[2]);
      const flags = lit(op.args[3]);
      const fd = refOf(op.args[4]);
      if (prot !== undefined && prot & BigInt(PROT.SHADOWSTACK)) ctx.shstks.push({ bind: b, size: lit(op.args[1]) ?? PAGE });
      if (fd !== undefined && ctx.fds.includes(fd)) ctx.tramps.push(b);
      else if (prot !== undefined && flags !== undefined && prot & BigInt(PROT.WRITE) && flags & BigInt(MAP.ANONYMOUS)) ctx.rw.push(b);
      break;
    }
    case 'mremap':
    case 'brk':
      if (b !== undefined) ctx.addrs.push(b);
      break;
    case 'map_shadow_stack':
      if (b === undefined) break;
      ctx.addrs.push(b);
      ctx.shstks.push({ bind: b, size: lit(op.args[1]) ?? PAGE });
      break;
    case 'trampfd_create':
      if (b === undefined) break;
      ctx.fds.push(b);
      ctx.fdProcs.push(op.proc);
      break;
    case 'trampfd_write_code':
      if (op.args[3] !== undefined) ctx.tables.push(op.args[3]);
      break;
    case 'trampfd_write_data':
      if (op.args[2] !== undefined) ctx.tables.push(op.args[2]);
      break;
    case 'pkey_alloc':
      if (b !== undefined) ctx.pkeys.push(b);
      break;
    case 'call': {
      const ra = lit(op.args[0]);
      if (ra !== undefined) ctx.calls.push(ra);
      break;
    }
    case 'ret':
      if (ctx.calls.length && lit(op.args[0]) === ctx.calls[ctx.calls.length - 1]) ctx.calls.pop();
      break;
    case 'arch_prctl':
      if (lit(op.args[0]) === BigInt(ARCH_SHSTK.ENABLE)) ctx.enables++;
      break;
    case 'fork':
      ctx.procs++;
      break;
    default:
      break;
  }
}

/** The flavour a program shows: trampfds, else shadow stacks on a CET machine or shadow-stack ops, else huge-page advice, else mm. */
export function flavorOfProgram(p: Program): Flavor {
  if (p.ops.some((o) => o.name === 'trampfd_create')) return 'trampfd';
  if (p.machine?.shstk || p.ops.some((o) => o.name === 'map_shadow_stack' || o.name === 'call' || o.name === 'rstorssp')) return 'shstk';
  if (p.ops.some((o) => o.name === 'madvise' && THP_ADVICE.has(lit(o.args[2]) ?? -1n))) return 'thp';
  return 'mm';
}

const THP_ADVICE = new Set<bigint>([BigInt(MADV.HUGEPAGE), BigInt(MADV.COLLAPSE)]);

/** The context before op `at` of `p` (binding numbers stay clear of every binding of `p`). */
export function contextAt(p: Program, at: number, machine: MachineConfig, known?: KnownState): Ctx {
  const ctx = newContext(flavorOfProgram(p), machine, known);
  for (let i = 0; i < at && i < p.ops.length; i++) record(ctx, p.ops[i]);
  for (const op of p.ops) if (op.bind !== undefined) ctx.nextBind = Math.max(ctx.nextBind, op.bind + 1);
  return ctx;
}
