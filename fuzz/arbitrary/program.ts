// Programs shaped like the bugs: a fast-check arbitrary that builds memory-manager
// programs from "recipes" — op choices plus raw numbers — and resolves them into ops
// whose addresses mostly come from earlier results and VMA boundaries, with partial
// overlaps, misaligned and wrapping values, sealed neighbours, forks followed by
// writes from both sides, pkeys and PKRU changes, guard regions and mremap moves.
//
// A recipe's numbers are resolved modulo what exists at its position, so any subset
// of recipes (what fast-check's shrinker tries) is still a valid program.

import fc from 'fast-check';
import {
  MADV,
  MAP,
  MREMAP,
  PROT,
  TASK_SIZE,
  type Arg,
  type MachineConfig,
  type Op,
  type OpName,
  type Program,
} from '../../abi/index.js';

const PAGE = 0x1000n;
/** A fixed arena for MAP_FIXED and hints, away from the top-down area. */
export const ARENA = 0x10000000n;

export interface GenOptions {
  readonly maxOps?: number;
  /** Op names the target cannot run (e.g. the kernel target's unsupported ops). */
  readonly exclude?: readonly OpName[];
  readonly machine?: Partial<MachineConfig>;
}

const WEIGHTS: ReadonlyArray<readonly [OpName, number]> = [
  ['mmap', 18], ['munmap', 7], ['mprotect', 9], ['pkey_mprotect', 3], ['pkey_alloc', 2], ['pkey_free', 1],
  ['mseal', 6], ['madvise', 10], ['mremap', 6], ['brk', 3], ['fork', 3], ['exit', 1],
  ['read', 10], ['write', 14], ['exec', 2], ['wrpkru', 2],
];

/** One op before resolution: which op, and raw choices for each of its decisions. */
export interface Recipe {
  readonly op: number; // index into the weighted op list
  readonly proc: number;
  readonly n: readonly number[]; // raw choices, consumed in order
}

/** Raw choices per recipe; decisions beyond these wrap around. */
export const RECIPE_CHOICES = 16;
export const RECIPE_MAX = 0xffff;

export const recipe: fc.Arbitrary<Recipe> = fc.record({
  op: fc.nat({ max: RECIPE_MAX }),
  proc: fc.nat({ max: RECIPE_MAX }),
  n: fc.array(fc.nat({ max: RECIPE_MAX }), { minLength: RECIPE_CHOICES, maxLength: RECIPE_CHOICES }),
});

/** Consumes a recipe's raw numbers one decision at a time. */
class Choices {
  private i = 0;
  constructor(private readonly n: readonly number[]) {}
  next(): number {
    return this.n[this.i++ % this.n.length];
  }
  /** An index below `k`. */
  pick(k: number): number {
    return this.next() % k;
  }
  /** One of the values, with weights. */
  weighted<T>(opts: ReadonlyArray<readonly [T, number]>): T {
    const total = opts.reduce((s, [, w]) => s + w, 0);
    let x = this.next() % total;
    for (const [v, w] of opts) {
      if (x < w) return v;
      x -= w;
    }
    return opts[0][0];
  }
  chance(percent: number): boolean {
    return this.next() % 100 < percent;
  }
}

interface Ctx {
  /** Bindings that hold addresses (mmap/mremap/brk results), newest last. */
  readonly addrs: number[];
  nextBind: number;
  procs: number;
}

function ref(r: number, off: bigint): Arg {
  if (off === 0n) return [{ neg: false, ref: r }];
  return [{ neg: false, ref: r }, off < 0n ? { neg: true, lit: -off } : { neg: false, lit: off }];
}

function u(x: bigint): bigint {
  return BigInt.asUintN(64, x);
}

/** An address: usually an earlier result plus a page offset, sometimes something odd. */
function address(c: Choices, ctx: Ctx): Arg {
  const kind = ctx.addrs.length ? c.weighted([['ref', 70], ['arena', 15], ['odd', 8], ['null', 7]] as const) : c.weighted([['arena', 60], ['odd', 20], ['null', 20]] as const);
  switch (kind) {
    case 'ref': {
      const r = ctx.addrs[ctx.addrs.length - 1 - c.pick(Math.min(ctx.addrs.length, 4))];
      let off = BigInt(c.pick(10) - 2) * PAGE;
      if (c.chance(8)) off += c.weighted([[1n, 1], [8n, 2], [0xff8n, 1], [0xfffn, 1]] as const);
      return ref(r, off);
    }
    case 'arena':
      return ARENA + BigInt(c.pick(24)) * PAGE;
    case 'null':
      return 0n;
    case 'odd':
      return c.weighted([
        [0x1001n, 1], [TASK_SIZE - PAGE, 2], [TASK_SIZE, 1], [0xffff888000000000n, 1], [u(-PAGE), 1],
        [0x800n, 1], [0x100000000n, 1], [0x7ffff7ff0000n, 2],
      ] as const);
  }
}

function length(c: Choices): bigint {
  return c.weighted([
    [BigInt(1 + c.pick(4)) * PAGE, 60],
    [BigInt(5 + c.pick(12)) * PAGE, 12],
    [0n, 4], [1n, 3], [0xfffn, 2], [0x1001n, 2], [0x200000n, 3], [0x400000n, 1],
    [u(-PAGE), 2], [u(-1n), 1], [1n << 47n, 1],
  ] as const);
}

function prot(c: Choices): bigint {
  return BigInt(c.weighted([
    [PROT.READ | PROT.WRITE, 40], [PROT.READ, 20], [PROT.NONE, 8], [PROT.EXEC, 5], [PROT.READ | PROT.EXEC, 6],
    [PROT.WRITE, 3], [PROT.READ | PROT.WRITE | PROT.EXEC, 3], [PROT.READ | PROT.GROWSDOWN, 2],
    [PROT.GROWSDOWN | PROT.GROWSUP, 1], [0x10, 1], [PROT.READ | PROT.SEM, 1],
  ] as const));
}

function mapFlags(c: Choices): bigint {
  let f = c.weighted([[MAP.PRIVATE, 80], [MAP.SHARED, 14], [MAP.DROPPABLE, 3], [MAP.SHARED_VALIDATE, 1], [0, 1], [5, 1]] as const);
  if (c.chance(96)) f |= MAP.ANONYMOUS;
  const extra = c.weighted([
    [0, 45], [MAP.FIXED, 20], [MAP.FIXED_NOREPLACE, 10], [MAP.POPULATE, 5], [MAP.GROWSDOWN, 4], [MAP.NORESERVE, 3],
    [MAP.ABOVE4G, 2], [MAP.STACK, 2], [MAP['32BIT'], 1], [MAP.LOCKED, 2], [MAP.FIXED | MAP.POPULATE, 2], [0x40000000, 1],
  ] as const);
  return BigInt(f | extra);
}

const ADVICE = Object.values(MADV);

function advice(c: Choices): bigint {
  return BigInt(c.weighted([
    [MADV.DONTNEED, 14], [MADV.FREE, 5], [MADV.GUARD_INSTALL, 8], [MADV.GUARD_REMOVE, 5], [MADV.DONTFORK, 5],
    [MADV.DOFORK, 2], [MADV.WIPEONFORK, 5], [MADV.KEEPONFORK, 2], [MADV.POPULATE_READ, 4], [MADV.POPULATE_WRITE, 4],
    [MADV.REMOVE, 2], [MADV.COLD, 2], [MADV.PAGEOUT, 2], [MADV.DONTNEED_LOCKED, 2], [MADV.NORMAL, 1],
    [MADV.RANDOM, 2], [ADVICE[c.pick(ADVICE.length)], 6], [c.pick(128), 3],
  ] as const));
}

function pkeyArg(c: Choices): bigint {
  return c.weighted([[1n, 30], [2n, 15], [0n, 15], [3n, 5], [u(-1n), 5], [16n, 2], [15n, 2]] as const);
}

function pkruValue(c: Choices): bigint {
  return c.weighted([
    [0x55555554n, 30], [0n, 15], [0x55555550n, 10], [0x5555555cn, 8], [0x55555558n, 8],
    [BigInt(c.next() * 0x10001), 4], [0xfffffffcn, 3],
  ] as const);
}

function resolve(r: Recipe, ctx: Ctx, names: readonly OpName[]): Op {
  const c = new Choices(r.n);
  const name = names[r.op % names.length];
  // mostly the newest process, so forks are followed by writes from the child
  const proc = ctx.procs > 1 && c.chance(55) ? ctx.procs - 1 : r.proc % ctx.procs;
  let args: Arg[];
  let bindsAddr = false;
  switch (name) {
    case 'mmap': {
      const flags = mapFlags(c);
      const fixed = (flags & BigInt(MAP.FIXED | MAP.FIXED_NOREPLACE)) !== 0n;
      const addr = fixed || c.chance(20) ? address(c, ctx) : 0n;
      args = [addr, length(c), prot(c), flags, c.chance(95) ? u(-1n) : BigInt(c.pick(4)), c.chance(95) ? 0n : BigInt(c.pick(3)) * 0x800n];
      bindsAddr = true;
      break;
    }
    case 'munmap':
      args = [address(c, ctx), length(c)];
      break;
    case 'mprotect':
      args = [address(c, ctx), length(c), prot(c)];
      break;
    case 'pkey_mprotect':
      args = [address(c, ctx), length(c), prot(c), pkeyArg(c)];
      break;
    case 'pkey_alloc':
      args = [c.chance(95) ? 0n : 1n, BigInt(c.weighted([[0, 4], [1, 3], [2, 3], [3, 1], [4, 1]] as const))];
      break;
    case 'pkey_free':
      args = [pkeyArg(c)];
      break;
    case 'mseal':
      args = [address(c, ctx), length(c), c.chance(97) ? 0n : 1n];
      break;
    case 'madvise':
      args = [address(c, ctx), length(c), advice(c)];
      break;
    case 'mremap': {
      const flags = BigInt(c.weighted([
        [0, 20], [MREMAP.MAYMOVE, 30], [MREMAP.MAYMOVE | MREMAP.FIXED, 20], [MREMAP.MAYMOVE | MREMAP.DONTUNMAP, 10],
        [MREMAP.FIXED, 4], [MREMAP.DONTUNMAP, 3], [MREMAP.MAYMOVE | MREMAP.FIXED | MREMAP.DONTUNMAP, 5], [8, 2],
      ] as const));
      const oldLen = length(c);
      const newLen = c.chance(30) ? oldLen : length(c);
      args = [address(c, ctx), oldLen, newLen, flags, flags & BigInt(MREMAP.FIXED | MREMAP.DONTUNMAP) ? address(c, ctx) : 0n];
      bindsAddr = true;
      break;
    }
    case 'brk':
      args = [c.weighted([[0n, 3], [0x4c9000n + BigInt(c.pick(40)) * PAGE, 10], [0x4c9000n + BigInt(c.pick(0x3000)), 3], [1n, 1]] as const)];
      // the break is an address too: later ops reach the heap just below it (seal, mprotect,
      // munmap or madvise the heap, then move the break over that)
      bindsAddr = true;
      break;
    case 'fork':
      args = [];
      break;
    case 'exit':
      args = [0n];
      break;
    case 'read':
    case 'exec':
      args = [address(c, ctx)];
      break;
    case 'write':
      args = [address(c, ctx), BigInt(1 + c.pick(0xff))];
      break;
    case 'wrpkru':
      args = [pkruValue(c)];
      break;
    default:
      args = [];
  }
  const op: { -readonly [K in keyof Op]: Op[K] } = { name, proc, args };
  if (bindsAddr) {
    op.bind = ctx.nextBind++;
    ctx.addrs.push(op.bind);
  }
  if (name === 'fork') ctx.procs++;
  return op;
}

const namesCache = new Map<string, OpName[]>();
/** The weighted op list a recipe's `op` indexes, without the excluded ops. */
function opTable(exclude: readonly OpName[] = []): OpName[] {
  const key = exclude.join(',');
  let names = namesCache.get(key);
  if (!names) {
    names = [];
    for (const [n, w] of WEIGHTS) if (!exclude.includes(n)) for (let i = 0; i < w; i++) names.push(n);
    namesCache.set(key, names);
  }
  return names;
}

/** Resolves recipes into a program (deterministic; any subset of recipes is valid). */
export function buildProgram(recipes: readonly Recipe[], opts: GenOptions = {}): Program {
  const names = opTable(opts.exclude);
  const ctx: Ctx = { addrs: [], nextBind: 0, procs: 1 };
  const ops = recipes.map((r) => resolve(r, ctx, names));
  return opts.machine ? { ops, machine: opts.machine } : { ops };
}

/** Memory-manager programs of up to `maxOps` ops (default 32). */
export function mmProgram(opts: GenOptions = {}): fc.Arbitrary<Program> {
  return fc.array(recipe, { minLength: 1, maxLength: opts.maxOps ?? 32 }).map((rs) => buildProgram(rs, opts));
}
