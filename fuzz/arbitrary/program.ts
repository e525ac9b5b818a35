// Programs shaped like the bugs: a fast-check arbitrary that builds memory-manager
// programs from "recipes" — op choices plus raw numbers — and resolves them into ops
// whose addresses mostly come from earlier results and VMA boundaries, with partial
// overlaps, misaligned and wrapping values, sealed neighbours, forks followed by
// writes from both sides, pkeys and PKRU changes, guard regions and mremap moves.
//
// A program has a flavour, chosen by its first recipe: `mm` (the memory manager, with a
// few shadow-stack and trampfd ops mixed in), `shstk` (machine shstk=1 when the program
// uses a shadow-stack op: arch_prctl ENABLE/DISABLE/LOCK/STATUS, map_shadow_stack near
// earlier stacks or mmap(PROT_SHADOWSTACK) (the prot-shadowstack design variant), calls with mostly matching rets, WRSS, RSTORSSP/SAVEPREVSSP pivots onto
// the tokens of other stacks, INCSSP, with forks and mprotect/madvise/munmap landing on
// the stacks through the usual address choices) or `trampfd` (trampfd_create, descriptor
// writes with tables in mapped memory, mmap of the fd, exec of trampoline slots, tables
// rewritten between executions, close, fork).
//
// A recipe's numbers are resolved modulo what exists at its position, so any subset
// of recipes (what fast-check's shrinker tries) is still a valid program.

import fc from 'fast-check';
import {
  ARCH_SHSTK,
  MADV,
  MAP,
  MREMAP,
  PROT,
  SHADOW_STACK,
  TASK_SIZE,
  TRAMPFD,
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

/** What a program is mostly about; chosen by its first recipe. */
export type Flavor = 'mm' | 'shstk' | 'trampfd';

const MM_WEIGHTS: ReadonlyArray<readonly [OpName, number]> = [
  ['mmap', 18], ['munmap', 7], ['mprotect', 9], ['pkey_mprotect', 3], ['pkey_alloc', 2], ['pkey_free', 1],
  ['mseal', 6], ['madvise', 10], ['mremap', 6], ['brk', 3], ['fork', 3], ['exit', 1],
  ['read', 10], ['write', 14], ['exec', 2], ['wrpkru', 2],
];

/** The shadow-stack ops (SEMANTICS §10). */
export const SHSTK_OPS: readonly OpName[] = ['map_shadow_stack', 'arch_prctl', 'call', 'ret', 'wrss', 'rstorssp', 'saveprevssp', 'incssp'];
/** The trampfd ops (SEMANTICS §11); mmap of a trampfd and exec of its slots come from mmap and exec. */
export const TRAMPFD_OPS: readonly OpName[] = ['trampfd_create', 'trampfd_write_code', 'trampfd_write_data', 'close'];

const WEIGHTS: Readonly<Record<Flavor, ReadonlyArray<readonly [OpName, number]>>> = {
  mm: [
    ...MM_WEIGHTS,
    ['map_shadow_stack', 1], ['arch_prctl', 1], ['call', 1], ['ret', 1], ['wrss', 1], ['rstorssp', 1],
    ['trampfd_create', 1], ['trampfd_write_code', 1], ['trampfd_write_data', 1], ['close', 1],
  ],
  shstk: [
    ['mmap', 6], ['munmap', 4], ['mprotect', 5], ['pkey_mprotect', 1], ['pkey_alloc', 1], ['mseal', 2], ['madvise', 5],
    ['mremap', 2], ['fork', 3], ['exit', 1], ['read', 5], ['write', 3], ['wrpkru', 1],
    ['map_shadow_stack', 8], ['arch_prctl', 7], ['call', 10], ['ret', 9], ['wrss', 5], ['rstorssp', 5],
    ['saveprevssp', 4], ['incssp', 3],
  ],
  trampfd: [
    ['mmap', 14], ['munmap', 4], ['mprotect', 5], ['pkey_mprotect', 1], ['pkey_alloc', 1], ['mseal', 2], ['madvise', 4],
    ['mremap', 3], ['fork', 3], ['exit', 1], ['read', 5], ['write', 10], ['wrpkru', 1], ['exec', 10],
    ['trampfd_create', 6], ['trampfd_write_code', 6], ['trampfd_write_data', 6], ['close', 3],
  ],
};

/** The flavour of a program: its first recipe's `proc`, which nothing else uses (op 0 always runs in p0). */
export function flavorOf(recipes: readonly Recipe[]): Flavor {
  if (!recipes.length) return 'mm';
  const x = recipes[0].proc % 100;
  return x < 70 ? 'mm' : x < 85 ? 'shstk' : 'trampfd';
}

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
  readonly flavor: Flavor;
  /** Bindings that hold addresses (mmap/mremap/brk/map_shadow_stack results), newest last. */
  readonly addrs: number[];
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
  /** ARCH_SHSTK_ENABLE calls so far: the first enables SHSTK, later ones WRSS more often. */
  enables: number;
  /** The previous op. */
  last: OpName | null;
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

/**
 * A protection: mostly Linux's; a small share carries the design variants' bits
 * (PROT_SEAL, PROT_SHADOWSTACK: model/variants/), unknown bits to every other profile —
 * more PROT_SHADOWSTACK in a shadow-stack program.
 */
function prot(c: Choices, ctx: Ctx): bigint {
  return BigInt(c.weighted([
    [PROT.READ | PROT.WRITE, 40], [PROT.READ, 20], [PROT.NONE, 8], [PROT.EXEC, 5], [PROT.READ | PROT.EXEC, 6],
    [PROT.WRITE, 3], [PROT.READ | PROT.WRITE | PROT.EXEC, 3], [PROT.READ | PROT.GROWSDOWN, 2],
    [PROT.GROWSDOWN | PROT.GROWSUP, 1], [0x10, 1], [PROT.READ | PROT.SEM, 1],
    [PROT.READ | PROT.SEAL, 1], [PROT.READ | PROT.WRITE | PROT.SEAL, 1],
    [PROT.READ | PROT.SHADOWSTACK, ctx.flavor === 'shstk' ? 10 : 1], [PROT.SHADOWSTACK, ctx.flavor === 'shstk' ? 2 : 0],
  ] as const));
}

/** mmap of a shadow stack through PROT_SHADOWSTACK (the prot-shadowstack design; a read-only mapping elsewhere). */
function protShadowStackMmap(c: Choices, ctx: Ctx): { args: Arg[]; size: bigint } {
  const size = BigInt(1 + c.pick(4)) * PAGE;
  const flags = c.weighted([[0, 8], [MAP.FIXED, 2], [MAP['32BIT'], 1], [MAP.ABOVE4G, 1], [MAP.POPULATE, 1]] as const);
  const addr = flags & MAP.FIXED ? (ctx.shstks.length && c.chance(50) ? shstkAddress(c, ctx) : address(c, ctx)) : 0n;
  const p = c.weighted([[PROT.READ | PROT.SHADOWSTACK, 8], [PROT.SHADOWSTACK, 1], [PROT.READ | PROT.WRITE | PROT.SHADOWSTACK, 1]] as const);
  return { args: [addr, size, BigInt(p), BigInt(MAP.PRIVATE | MAP.ANONYMOUS | flags), u(-1n), 0n], size };
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

/** Shadow-stack sizes: pages, token-sized oddities, a 2 MiB (THP-placed) one, bad ones. */
function shstkSize(c: Choices): bigint {
  return c.weighted([
    [BigInt(1 + c.pick(4)) * PAGE, 55], [0x1800n, 6], [0x1004n, 4], [8n, 3], [0x10n, 2], [7n, 3], [0n, 3],
    [0x200000n, 4], [u(-1n), 2], [u(-PAGE), 1], [1n << 47n, 1],
  ] as const);
}

/** An earlier shadow stack (map_shadow_stack result), newest most often. */
function pickShstk(c: Choices, ctx: Ctx): { bind: number; size: bigint } {
  return ctx.shstks[ctx.shstks.length - 1 - c.pick(Math.min(ctx.shstks.length, 3))];
}

/** map_shadow_stack's address: none, next to an earlier stack, above 4 GiB, or below it (ERANGE). */
function shstkAddress(c: Choices, ctx: Ctx): Arg {
  const kind = ctx.shstks.length
    ? c.weighted([['null', 50], ['near', 35], ['fixed', 10], ['odd', 5]] as const)
    : c.weighted([['null', 70], ['fixed', 20], ['odd', 10]] as const);
  switch (kind) {
    case 'null':
      return 0n;
    case 'near': {
      // right above or below an earlier stack (merging), or one page away (its guard gap)
      const s = pickShstk(c, ctx);
      const size = (s.size + PAGE - 1n) & ~(PAGE - 1n);
      // as a 64-bit offset: a size near 2^64 (u(-1)) must not make a literal of more than 64 bits
      return ref(s.bind, BigInt.asIntN(64, c.weighted([[size, 3], [size + PAGE, 2], [-PAGE, 2], [-2n * PAGE, 2], [0n, 1]] as const)));
    }
    case 'fixed':
      return c.weighted([[0x100000000n, 2], [0x200000000n + BigInt(c.pick(8)) * PAGE, 3], [0x7ffff7000000n, 2], [0x100000800n, 1]] as const);
    case 'odd':
      return c.weighted([[0x1000n, 1], [0xfffff000n, 1], [TASK_SIZE - PAGE, 1], [ARENA, 1]] as const);
  }
}

/**
 * An address on a shadow stack: the token slot or an entry of an earlier map_shadow_stack,
 * the thread shadow stack's top entries (where ENABLE puts it in a fresh process), or any
 * address at all.
 */
function shstkSlot(c: Choices, ctx: Ctx): Arg {
  const kind = ctx.shstks.length ? c.weighted([['token', 40], ['entry', 25], ['thread', 20], ['any', 15]] as const) : c.weighted([['thread', 60], ['any', 40]] as const);
  switch (kind) {
    case 'token': {
      const s = pickShstk(c, ctx);
      return ref(s.bind, s.size - 8n);
    }
    case 'entry': {
      const s = pickShstk(c, ctx);
      return ref(s.bind, BigInt(c.pick(8)) * 8n + (c.chance(10) ? 4n : 0n));
    }
    case 'thread':
      return 0x7ffff7e00000n - 8n * BigInt(1 + c.pick(4));
    case 'any':
      return address(c, ctx);
  }
}

/** A return address: code-like values, so a call and its ret can be matched. */
function returnAddress(c: Choices): bigint {
  return 0x401000n + BigInt(c.pick(64)) * 0x10n;
}

/** A trampfd descriptor: an earlier trampfd_create result mostly, else stdio or a bad number. */
function fdArg(c: Choices, ctx: Ctx): Arg {
  if (ctx.fds.length && c.chance(85)) return ref(ctx.fds[ctx.fds.length - 1 - c.pick(Math.min(ctx.fds.length, 3))], 0n);
  return c.weighted([[3n, 4], [4n, 2], [0n, 1], [2n, 1], [99n, 1], [u(-1n), 1], [0x100000003n, 1]] as const);
}

/** A register of the trampfd uapi enum: x64_rax (7) .. x64_r15 (21), sometimes out of range. */
function regArg(c: Choices): bigint {
  return c.weighted([[BigInt(TRAMPFD.REG_X64_RAX + c.pick(15)), 90], [6n, 3], [22n, 3], [0n, 2], [0x100000007n, 2]] as const);
}

/** A table address for a trampfd descriptor: inside earlier mappings, 8-aligned mostly. */
function tableArg(c: Choices, ctx: Ctx): Arg {
  const a = c.chance(95) ? rwAddress(c, ctx, 0x100n) : plus(rwAddress(c, ctx, 0x100n), 4n);
  ctx.tables.push(a);
  return a;
}

/** Arg + off for an argument that may be an expression. */
function plus(a: Arg, off: bigint): Arg {
  if (off === 0n) return a;
  if (typeof a === 'bigint') return u(a + off);
  return [...a, off < 0n ? { neg: true, lit: -off } : { neg: false, lit: off }];
}

/** The start of trampoline X of an earlier trampfd mapping (X mostly below the 4 the generator writes). */
function trampolineSlot(c: Choices, ctx: Ctx): Arg {
  const page = ctx.tramps[ctx.tramps.length - 1 - c.pick(Math.min(ctx.tramps.length, 2))];
  const x = c.weighted([[BigInt(c.pick(4)), 85], [101n, 5], [102n, 5], [0n, 5]] as const);
  return ref(page, x * BigInt(TRAMPFD.CODE_SIZE) + (c.chance(5) ? 4n : 0n));
}

/** mmap of an earlier trampfd: mostly the one valid shape (one page, R-X, MAP_PRIVATE, offset 4096). */
function trampfdMmapArgs(c: Choices, ctx: Ctx): Arg[] {
  const hint = c.chance(80) ? 0n : address(c, ctx);
  const len = c.weighted([[PAGE, 92], [1n, 3], [2n * PAGE, 2], [0n, 2], [u(-1n), 1]] as const);
  const prot = BigInt(c.weighted([
    [PROT.READ | PROT.EXEC, 92], [PROT.READ, 2], [PROT.EXEC, 2], [PROT.READ | PROT.WRITE | PROT.EXEC, 2], [PROT.READ | PROT.EXEC | PROT.SEM, 2],
  ] as const));
  const flags = BigInt(c.weighted([
    [MAP.PRIVATE, 93], [MAP.PRIVATE | MAP.FIXED, 2], [MAP.SHARED, 2], [MAP.PRIVATE | MAP.POPULATE, 2], [MAP.PRIVATE | MAP.HUGETLB, 1],
  ] as const));
  const off = c.weighted([[BigInt(TRAMPFD.CODE_OFFSET), 93], [0n, 3], [2n * PAGE, 2], [0x1001n, 2]] as const);
  // mostly the first trampfd: the opening wrote its descriptors
  const fd = c.chance(50) ? ref(ctx.fds[0], 0n) : fdArg(c, ctx);
  return [hint, len, prot, flags, fd, off];
}

/** A writable place: inside an earlier anonymous read-write mapping, else any address. */
function rwAddress(c: Choices, ctx: Ctx, step: bigint): Arg {
  if (ctx.rw.length && c.chance(85)) return ref(ctx.rw[ctx.rw.length - 1 - c.pick(Math.min(ctx.rw.length, 3))], BigInt(c.pick(16)) * step);
  return address(c, ctx);
}

/**
 * The op a recipe stands for. A flavoured program's first recipe mostly sets the scene:
 * a shadow-stack program enables shadow stacks, a trampfd program maps read-write memory
 * for trampfd_info and the tables.
 */
/** The scene a flavoured program's first recipes mostly set (each step kept with chance 7/8). */
const OPENINGS: Readonly<Record<Flavor, readonly OpName[]>> = {
  mm: [],
  // enable shadow stacks, map a second stack to pivot to, enable WRSS
  shstk: ['arch_prctl', 'map_shadow_stack', 'arch_prctl'],
  // memory for trampfd_info and the tables, the trampfd, its descriptors, its page
  trampfd: ['mmap', 'trampfd_create', 'trampfd_write_code', 'trampfd_write_data', 'mmap'],
};

/** Whether recipe `index` is one of its flavour's opening steps (and which op). */
function openingOp(r: Recipe, ctx: Ctx, names: readonly OpName[], index: number): OpName | null {
  const o = OPENINGS[ctx.flavor][index];
  return o !== undefined && r.op % 8 !== 0 && names.includes(o) ? o : null;
}

function resolve(r: Recipe, ctx: Ctx, names: readonly OpName[], index: number): Op {
  const c = new Choices(r.n);
  const scripted = openingOp(r, ctx, names, index);
  let name = scripted ?? names[r.op % names.length];
  // one opening in four maps its second stack with mmap(PROT_SHADOWSTACK) (the prot-shadowstack design)
  const ssOpening = scripted === 'map_shadow_stack' && (r.op >> 3) % 4 === 0;
  if (ssOpening) name = 'mmap';
  // a pivot: RSTORSSP is mostly followed by SAVEPREVSSP
  if (!scripted && ctx.last === 'rstorssp' && r.op % 2 === 0 && names.includes('saveprevssp')) name = 'saveprevssp';
  ctx.last = name;
  // the opening's first step (enable shadow stacks / map memory for the trampfd)
  const opening = scripted !== null && index === 0;
  // mostly the newest process, so forks are followed by writes from the child
  let proc = ctx.procs > 1 && c.chance(55) ? ctx.procs - 1 : r.proc % ctx.procs;
  // a trampfd's descriptor writes, mmap and trampolines mostly come from its creator (the only one that may map it)
  const creator = (): number => (ctx.fdProcs.length && c.chance(70) ? ctx.fdProcs[ctx.fdProcs.length - 1] : proc);
  let args: Arg[];
  let bindsAddr = false;
  let bindsFd = false;
  let bindsTrampoline = false;
  let bindsRw = false;
  let shstkSizeBound: bigint | null = null;
  switch (name) {
    case 'mmap': {
      if (ssOpening || (ctx.flavor === 'shstk' && c.chance(12))) {
        const m = protShadowStackMmap(c, ctx);
        args = m.args;
        bindsAddr = true;
        shstkSizeBound = m.size;
        break;
      }
      if (ctx.fds.length && (scripted !== null || c.chance(ctx.flavor === 'trampfd' ? 45 : 10))) {
        proc = creator();
        args = trampfdMmapArgs(c, ctx);
        bindsTrampoline = true;
        bindsAddr = true;
        break;
      }
      if (opening) {
        args = [0n, BigInt(2 + c.pick(3)) * PAGE, BigInt(PROT.READ | PROT.WRITE), BigInt(MAP.PRIVATE | MAP.ANONYMOUS), u(-1n), 0n];
        bindsAddr = true;
        bindsRw = true;
        break;
      }
      const flags = mapFlags(c);
      const fixed = (flags & BigInt(MAP.FIXED | MAP.FIXED_NOREPLACE)) !== 0n;
      const addr = fixed || c.chance(20) ? address(c, ctx) : 0n;
      const p = prot(c, ctx);
      args = [addr, length(c), p, flags, c.chance(95) ? u(-1n) : BigInt(c.pick(4)), c.chance(95) ? 0n : BigInt(c.pick(3)) * 0x800n];
      bindsAddr = true;
      bindsRw = (p & BigInt(PROT.WRITE)) !== 0n && (flags & BigInt(MAP.ANONYMOUS)) !== 0n;
      break;
    }
    case 'munmap':
      args = [address(c, ctx), length(c)];
      break;
    case 'mprotect':
      args = [address(c, ctx), length(c), prot(c, ctx)];
      break;
    case 'pkey_mprotect':
      args = [address(c, ctx), length(c), prot(c, ctx), pkeyArg(c)];
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
      args = [ctx.tramps.length && c.chance(15) ? trampolineSlot(c, ctx) : address(c, ctx)];
      break;
    case 'exec':
      if (ctx.tramps.length && c.chance(ctx.flavor === 'trampfd' ? 70 : 40)) {
        proc = creator();
        args = [trampolineSlot(c, ctx)];
        break;
      }
      args = [address(c, ctx)];
      break;
    case 'write':
      if (ctx.tables.length && c.chance(ctx.flavor === 'trampfd' ? 50 : 15)) {
        // rewrite a table entry between executions: another trampoline (a chain), or a plain value
        const entry = plus(ctx.tables[ctx.tables.length - 1 - c.pick(Math.min(ctx.tables.length, 3))], BigInt(c.pick(4)) * 8n);
        args = [entry, ctx.tramps.length && c.chance(40) ? trampolineSlot(c, ctx) : returnAddress(c)];
        break;
      }
      args = [address(c, ctx), BigInt(1 + c.pick(0xff))];
      break;
    case 'wrpkru':
      args = [pkruValue(c)];
      break;
    case 'map_shadow_stack': {
      const addr = shstkAddress(c, ctx);
      const size = shstkSize(c);
      const flags = BigInt(c.weighted([
        [SHADOW_STACK.SET_TOKEN, 70], [0, 20], [SHADOW_STACK.SET_MARKER, 3], [SHADOW_STACK.SET_TOKEN | SHADOW_STACK.SET_MARKER, 2],
        [4, 2], [0x100000001, 3],
      ] as const));
      args = [addr, size, flags];
      bindsAddr = true;
      shstkSizeBound = size;
      break;
    }
    case 'arch_prctl': {
      if (scripted) {
        args = [BigInt(ARCH_SHSTK.ENABLE), BigInt(ctx.enables++ === 0 ? ARCH_SHSTK.SHSTK : ARCH_SHSTK.WRSS)];
        break;
      }
      const option = c.weighted([
        [ARCH_SHSTK.ENABLE, 45], [ARCH_SHSTK.DISABLE, 14], [ARCH_SHSTK.LOCK, 7], [ARCH_SHSTK.UNLOCK, 6], [ARCH_SHSTK.STATUS, 20],
        [0x5000, 2], [0x5006, 2], [0x100005001, 2], [-1, 2],
      ] as const);
      // the first ENABLE mostly turns shadow stacks on, later ones mostly WRSS
      const first = option === ARCH_SHSTK.ENABLE && ctx.enables++ === 0;
      const arg: Arg = option === ARCH_SHSTK.STATUS
        ? rwAddress(c, ctx, 8n)
        : BigInt(c.weighted([
          [ARCH_SHSTK.SHSTK, first ? 80 : 30], [ARCH_SHSTK.WRSS, first ? 5 : 55], [0, 4], [ARCH_SHSTK.SHSTK | ARCH_SHSTK.WRSS, 4], [4, 3],
          [0x100000000, 2], [-1, 2],
        ] as const));
      args = [BigInt.asUintN(64, BigInt(option)), typeof arg === 'bigint' ? u(arg) : arg];
      break;
    }
    case 'call': {
      const ra = returnAddress(c);
      ctx.calls.push(ra);
      args = [ra];
      break;
    }
    case 'ret':
      // mostly the innermost pending call's return address (the program's own view of SSP)
      args = [ctx.calls.length && c.chance(80) ? ctx.calls.pop()! : returnAddress(c)];
      break;
    case 'wrss':
      if (ctx.shstks.length && c.chance(40)) {
        // forge a token for an address on an earlier stack: base + 8k, | 1 (restore) or | 3 (previous SSP)
        const s = pickShstk(c, ctx);
        args = [shstkSlot(c, ctx), ref(s.bind, BigInt(c.pick(8)) * 8n + (c.chance(60) ? 1n : 3n))];
        break;
      }
      args = [shstkSlot(c, ctx), c.weighted([[returnAddress(c), 70], [0n, 15], [u(-1n), 5], [3n, 10]] as const)];
      break;
    case 'rstorssp':
      args = [shstkSlot(c, ctx)];
      break;
    case 'saveprevssp':
      args = [];
      break;
    case 'incssp':
      args = [c.weighted([[BigInt(1 + c.pick(4)), 70], [0n, 8], [0x100n, 4], [0xffn, 8], [0x101n, 5], [u(-1n), 5]] as const)];
      break;
    case 'trampfd_create':
      args = [c.chance(95) ? rwAddress(c, ctx, 0x10n) : 0n];
      bindsFd = true;
      break;
    case 'trampfd_write_code':
      proc = creator();
      if (scripted && ctx.fds.length) {
        // the opening's descriptors are valid, so its mmap can succeed
        args = [ref(ctx.fds[0], 0n), BigInt(1 + c.pick(4)), BigInt(TRAMPFD.REG_X64_RAX + c.pick(15)), tableArg(c, ctx)];
        break;
      }
      args = [fdArg(c, ctx), c.weighted([[BigInt(1 + c.pick(4)), 85], [102n, 4], [0n, 4], [103n, 4], [0x100000001n, 3]] as const), regArg(c), tableArg(c, ctx)];
      break;
    case 'trampfd_write_data':
      proc = creator();
      args = scripted && ctx.fds.length
        ? [ref(ctx.fds[0], 0n), BigInt(TRAMPFD.REG_X64_RAX + c.pick(15)), tableArg(c, ctx)]
        : [fdArg(c, ctx), regArg(c), tableArg(c, ctx)];
      break;
    case 'close':
      args = [fdArg(c, ctx)];
      break;
    default:
      args = [];
  }
  const op: { -readonly [K in keyof Op]: Op[K] } = { name, proc, args };
  if (bindsAddr) {
    op.bind = ctx.nextBind++;
    ctx.addrs.push(op.bind);
    if (shstkSizeBound !== null) ctx.shstks.push({ bind: op.bind, size: shstkSizeBound });
    if (bindsTrampoline) ctx.tramps.push(op.bind);
    if (bindsRw) ctx.rw.push(op.bind);
  } else if (bindsFd) {
    op.bind = ctx.nextBind++;
    ctx.fds.push(op.bind);
    ctx.fdProcs.push(proc);
  }
  if (name === 'fork') ctx.procs++;
  return op;
}

const namesCache = new Map<string, OpName[]>();
/** The weighted op list a recipe's `op` indexes for a flavour, without the excluded ops. */
function opTable(flavor: Flavor, exclude: readonly OpName[] = []): OpName[] {
  const key = flavor + ':' + exclude.join(',');
  let names = namesCache.get(key);
  if (!names) {
    names = [];
    for (const [n, w] of WEIGHTS[flavor]) if (!exclude.includes(n)) for (let i = 0; i < w; i++) names.push(n);
    namesCache.set(key, names);
  }
  return names;
}

/** Resolves recipes into a program (deterministic; any subset of recipes is valid). */
export function buildProgram(recipes: readonly Recipe[], opts: GenOptions = {}): Program {
  const flavor = flavorOf(recipes);
  const names = opTable(flavor, opts.exclude);
  const ctx: Ctx = { flavor, addrs: [], nextBind: 0, procs: 1, shstks: [], calls: [], fds: [], tramps: [], tables: [], rw: [], enables: 0, fdProcs: [], last: null };
  const ops = recipes.map((r, i) => resolve(r, ctx, names, i));
  // a shadow-stack program runs on a CET machine; 1 in 8 stays on one without (ENOSYS, EINVAL, #UD)
  let machine: Partial<MachineConfig> | undefined;
  if (flavor === 'shstk' && recipes[0].proc % 8 !== 0 && ops.some((o) => SHSTK_OPS.includes(o.name))) machine = { shstk: true };
  if (opts.machine) machine = { ...machine, ...opts.machine };
  return machine ? { ops, machine } : { ops };
}

/** Memory-manager programs of up to `maxOps` ops (default 32). */
export function mmProgram(opts: GenOptions = {}): fc.Arbitrary<Program> {
  return fc.array(recipe, { minLength: 1, maxLength: opts.maxOps ?? 32 }).map((rs) => buildProgram(rs, opts));
}
