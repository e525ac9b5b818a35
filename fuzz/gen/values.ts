// The argument values every family draws from, shaped like the bugs: addresses mostly
// from earlier results and VMA edges, lengths from every size class, protections and
// flags with the odd and unknown bits the kernel must refuse. Constants that depend on
// the machine (mmap_base, the break) come from the context's machine.

import { MADV, MAP, PROT, TASK_SIZE, type Arg } from '../../abi/index.js';
import type { Ctx } from './context.js';
import { PAGE } from './context.js';
import type { Decisions } from './decisions.js';

/** MAP_HUGE_1GB: log2(1 GiB) << MAP_HUGE_SHIFT (include/uapi/asm-generic/hugetlb_encode.h). */
const MAP_HUGE_1GB = 30 << 26;

/** A fixed arena for MAP_FIXED and hints, away from the top-down area. */
export const ARENA = 0x10000000n;
export const SZ_2M = 0x200000n;

export function u(x: bigint): bigint {
  return BigInt.asUintN(64, x);
}

/** rN + off. */
export function ref(r: number, off: bigint): Arg {
  if (off === 0n) return [{ neg: false, ref: r }];
  return [{ neg: false, ref: r }, off < 0n ? { neg: true, lit: -off } : { neg: false, lit: off }];
}

/** Arg + off, for an argument that may be an expression. */
export function plus(a: Arg, off: bigint): Arg {
  if (off === 0n) return a;
  if (typeof a === 'bigint') return u(a + off);
  return [...a, off < 0n ? { neg: true, lit: -off } : { neg: false, lit: off }];
}

/** One of the newest `k` entries of a list. */
export function recent<T>(c: Decisions, xs: readonly T[], k: number): T {
  return xs[xs.length - 1 - c.pick(Math.min(xs.length, k))];
}

/**
 * A VMA edge of the known end state, ±1 page: as rN + offset when a binding held the
 * VMA's start (so the argument follows the VMA if an earlier edit moves it), else literal.
 */
export function edgeAddress(c: Decisions, ctx: Ctx): Arg | null {
  const k = ctx.known;
  if (!k || !k.vmas.length) return null;
  const [start, end] = k.vmas[c.pick(k.vmas.length)];
  const edge = (c.chance(50) ? start : end) + c.weighted([[0n, 4], [-PAGE, 2], [PAGE, 2]] as const);
  for (const [b, v] of k.values) if (v === start && ctx.addrs.includes(b)) return ref(b, edge - start);
  return u(edge);
}

/** An address: usually an earlier result plus a page offset, a VMA edge, sometimes something odd. */
export function address(c: Decisions, ctx: Ctx): Arg {
  const kind = ctx.addrs.length
    ? c.weighted([['ref', 62], ['edge', ctx.known ? 12 : 0], ['arena', 14], ['odd', 6], ['null', 6]] as const)
    : c.weighted([['arena', 60], ['odd', 20], ['null', 20]] as const);
  switch (kind) {
    case 'ref': {
      const r = recent(c, ctx.addrs, 4);
      let off = BigInt(c.pick(10) - 2) * PAGE;
      // a huge-page program: a block's start, or anywhere in the first two blocks (part of one)
      if (ctx.flavor === 'thp' && c.chance(45)) off = c.weighted([[0n, 3], [SZ_2M, 2], [BigInt(c.pick(1024)) * PAGE, 4]] as const);
      if (c.chance(8)) off += c.weighted([[1n, 1], [8n, 2], [0xff8n, 1], [0xfffn, 1]] as const);
      if (c.chance(4)) off += c.weighted([[SZ_2M, 2], [-SZ_2M, 1], [SZ_2M - PAGE, 1]] as const);
      return ref(r, off);
    }
    case 'edge':
      return edgeAddress(c, ctx) ?? ref(recent(c, ctx.addrs, 4), 0n);
    case 'arena':
      return ARENA + BigInt(c.pick(24)) * PAGE + (c.chance(5) ? SZ_2M * BigInt(1 + c.pick(3)) : 0n);
    case 'null':
      return 0n;
    case 'odd':
      return c.weighted([
        [0x1001n, 1], [TASK_SIZE - PAGE, 2], [TASK_SIZE, 1], [0xffff888000000000n, 1], [u(-PAGE), 1],
        [0x800n, 1], [0x100000000n, 1], [ctx.machine.mmapBase - 0xf000n, 2], [ctx.machine.mmapMinAddr - PAGE, 1],
      ] as const);
  }
}

/**
 * A length from every size class: a few pages (most), up to 16 pages, up to 2 MiB, around 2 MiB
 * (exact, ± 1 page, multiples and non-multiples), huge (only where `huge` allows: a
 * mapping's length, never a populated one), the odd ones (0, unaligned, wrapping), and —
 * given the machine's RAM + swap (`ramSwap`) — lengths at the heuristic overcommit limit.
 */
export function length(c: Decisions, huge = false, ramSwap?: bigint): bigint {
  const cls = c.weighted([['pages', 60], ['more', 12], ['mid', 4], ['2m', 8], ['odd', 12], ['huge', huge ? 2 : 0], ['commit', ramSwap ? 3 : 0]] as const);
  switch (cls) {
    case 'commit':
      return commitLength(c, ramSwap!);
    case 'pages':
      return BigInt(1 + c.pick(4)) * PAGE;
    case 'more':
      return BigInt(5 + c.pick(12)) * PAGE;
    case 'mid':
      return BigInt(17 + c.pick(494)) * PAGE;
    case '2m': {
      const n = BigInt(1 + c.weighted([[0, 4], [1, 2], [2, 1], [c.pick(8), 1]] as const));
      return c.weighted([[n * SZ_2M, 3], [n * SZ_2M + PAGE, 2], [n * SZ_2M - PAGE, 2], [n * SZ_2M + BigInt(1 + c.pick(511)) * PAGE, 2]] as const);
    }
    case 'odd':
      return c.weighted([[0n, 4], [1n, 3], [0xfffn, 2], [0x1001n, 2], [u(-PAGE), 2], [u(-1n), 1], [1n << 47n, 1]] as const);
    case 'huge':
      return c.weighted([[1n << 30n, 2], [(1n << 30n) + SZ_2M + PAGE, 1], [1n << 40n, 1]] as const);
  }
}

/** A length for a range op: in a huge-page program often a block, two, a block ± 1 page or part of one. */
export function rangeLength(c: Decisions, ctx: Ctx, ramSwap?: bigint): bigint {
  if (ctx.flavor === 'thp' && c.chance(50)) {
    return c.weighted([[SZ_2M, 4], [2n * SZ_2M, 2], [SZ_2M - PAGE, 1], [SZ_2M + PAGE, 1], [BigInt(1 + c.pick(511)) * PAGE, 3]] as const);
  }
  return length(c, false, ramSwap);
}

/**
 * A length at the overcommit limit (mm/util.c: __vm_enough_memory refuses more pages than RAM + swap):
 * exactly it, a page either side, a few pages over, or half of it plus a page (two such mappings
 * merge, or a mapping and a growth, into a VMA a fork or DONTUNMAP charges over the limit).
 */
export function commitLength(c: Decisions, ramSwap: bigint): bigint {
  return c.weighted([
    [ramSwap, 3], [ramSwap + PAGE, 4], [ramSwap - PAGE, 2], [ramSwap + BigInt(2 + c.pick(4)) * PAGE, 1], [ramSwap / 2n + PAGE, 3],
  ] as const);
}

/** Lengths above this are never populated (MAP_POPULATE, MAP_LOCKED, MADV_POPULATE_*): a generated program stays cheap to run. */
export const POPULATE_MAX = 2n * SZ_2M;

/**
 * A protection: mostly Linux's; a small share carries the design variants' bits
 * (PROT_SEAL, PROT_SHADOWSTACK: model/variants/), unknown bits to every other profile —
 * more PROT_SHADOWSTACK in a shadow-stack program.
 */
export function prot(c: Decisions, ctx: Ctx): bigint {
  return BigInt(c.weighted([
    [PROT.READ | PROT.WRITE, 40], [PROT.READ, 20], [PROT.NONE, 8], [PROT.EXEC, 5], [PROT.READ | PROT.EXEC, 6],
    [PROT.WRITE, 3], [PROT.READ | PROT.WRITE | PROT.EXEC, 3], [PROT.READ | PROT.GROWSDOWN, 2],
    [PROT.GROWSDOWN | PROT.GROWSUP, 1], [0x10, 1], [PROT.READ | PROT.SEM, 1],
    [PROT.READ | PROT.SEAL, 1], [PROT.READ | PROT.WRITE | PROT.SEAL, 1],
    [PROT.READ | PROT.SHADOWSTACK, ctx.flavor === 'shstk' ? 10 : 1], [PROT.SHADOWSTACK, ctx.flavor === 'shstk' ? 2 : 0],
  ] as const));
}

/** mmap flags: the type, mostly anonymous, one extra flag (populating ones only for lengths up to POPULATE_MAX). */
export function mapFlags(c: Decisions, len: bigint): bigint {
  let f = c.weighted([[MAP.PRIVATE, 80], [MAP.SHARED, 14], [MAP.DROPPABLE, 3], [MAP.SHARED_VALIDATE, 1], [0, 1], [5, 1]] as const);
  if (c.chance(96)) f |= MAP.ANONYMOUS;
  let extra: number = c.weighted([
    [0, 45], [MAP.FIXED, 20], [MAP.FIXED_NOREPLACE, 10], [MAP.POPULATE, 5], [MAP.GROWSDOWN, 4], [MAP.NORESERVE, 3],
    [MAP.ABOVE4G, 2], [MAP.STACK, 2], [MAP['32BIT'], 1], [MAP.LOCKED, 2], [MAP.FIXED | MAP.POPULATE, 2], [0x40000000, 1],
    [MAP.HUGETLB, 2], [MAP.HUGETLB | MAP.FIXED, 1], [MAP.HUGETLB | MAP.NORESERVE, 1], [MAP.HUGETLB | MAP_HUGE_1GB, 1],
  ] as const);
  if (len > POPULATE_MAX) extra &= ~(MAP.POPULATE | MAP.LOCKED);
  return BigInt(f | extra);
}

const ADVICE = Object.values(MADV);
const POPULATING = new Set<number>([MADV.POPULATE_READ, MADV.POPULATE_WRITE, MADV.WILLNEED]);

export function advice(c: Decisions, len: bigint, thp = false): bigint {
  // a huge-page program: the THP advice, and the advice that splits or zaps a block
  if (thp && c.chance(50)) {
    return BigInt(c.weighted([[MADV.HUGEPAGE, 6], [MADV.COLLAPSE, 8], [MADV.NOHUGEPAGE, 2], [MADV.DONTNEED, 3], [MADV.FREE, 1], [MADV.COLD, 1], [MADV.PAGEOUT, 1]] as const));
  }
  const a = c.weighted([
    [MADV.DONTNEED, 14], [MADV.FREE, 5], [MADV.GUARD_INSTALL, 8], [MADV.GUARD_REMOVE, 5], [MADV.DONTFORK, 5],
    [MADV.DOFORK, 2], [MADV.WIPEONFORK, 5], [MADV.KEEPONFORK, 2], [MADV.POPULATE_READ, 4], [MADV.POPULATE_WRITE, 4],
    [MADV.REMOVE, 2], [MADV.COLD, 2], [MADV.PAGEOUT, 2], [MADV.DONTNEED_LOCKED, 2], [MADV.NORMAL, 1],
    [MADV.RANDOM, 2], [ADVICE[c.pick(ADVICE.length)], 6], [c.pick(128), 3],
  ] as const);
  return BigInt(len > POPULATE_MAX && POPULATING.has(a) ? MADV.DONTNEED : a);
}

/** A pkey: mostly one pkey_alloc returned, else small numbers and bad ones. */
export function pkeyArg(c: Decisions, ctx: Ctx): Arg {
  if (ctx.pkeys.length && c.chance(55)) return ref(recent(c, ctx.pkeys, 3), 0n);
  return c.weighted([[1n, 30], [2n, 15], [0n, 15], [3n, 5], [u(-1n), 5], [16n, 2], [15n, 2]] as const);
}

export function pkruValue(c: Decisions): bigint {
  return c.weighted([
    [0x55555554n, 30], [0n, 15], [0x55555550n, 10], [0x5555555cn, 8], [0x55555558n, 8],
    [BigInt(c.next() * 0x10001), 4], [0xfffffffcn, 3],
  ] as const);
}

/** A writable place: inside an earlier anonymous read-write mapping, else any address. */
export function rwAddress(c: Decisions, ctx: Ctx, step: bigint): Arg {
  if (ctx.rw.length && c.chance(85)) return ref(recent(c, ctx.rw, 3), BigInt(c.pick(16)) * step);
  return address(c, ctx);
}

/** A return address: code-like values, so a call and its ret can be matched. */
export function returnAddress(c: Decisions): bigint {
  return 0x401000n + BigInt(c.pick(64)) * 0x10n;
}
