// mmap, munmap, mremap, brk: mappings made, moved and removed, with placement hints,
// MAP_FIXED over earlier mappings, every size class, and the break near the machine's.

import { MAP, MREMAP, PROT, type Arg } from '../../../abi/index.js';
import { PAGE, type Ctx } from '../context.js';
import type { Decisions } from '../decisions.js';
import { creator, type Resolver, type Site } from '../site.js';
import { address, commitLength, length, mapFlags, prot, rangeLength, SZ_2M, u } from '../values.js';
import { protShadowStackMmap } from './shstk.js';
import { trampfdMmapArgs } from './trampfd.js';

export const mmap: Resolver = (c, ctx, s) => {
  if (s.ssOpening || (ctx.flavor === 'shstk' && c.chance(12))) return protShadowStackMmap(c, ctx);
  if (ctx.fds.length && (s.scripted || c.chance(ctx.flavor === 'trampfd' ? 45 : 10))) {
    s.proc = creator(c, ctx, s);
    return trampfdMmapArgs(c, ctx);
  }
  // a huge-page program's mapping: blocks (THP-aligned placement for a multiple of 2 MiB), or a page more
  // (one in four hugetlb over the empty pool: MAP_NORESERVE maps, every touch is SIGBUS and
  // every split must fall on a huge page boundary)
  if (s.opening && ctx.flavor === 'thp') {
    const len = c.weighted([[2n * SZ_2M, 4], [SZ_2M, 2], [3n * SZ_2M, 1], [2n * SZ_2M + PAGE, 1]] as const);
    const hugetlb = c.chance(25) ? MAP.HUGETLB | MAP.NORESERVE : 0;
    return [0n, len, BigInt(PROT.READ | PROT.WRITE), BigInt(MAP.PRIVATE | MAP.ANONYMOUS | hugetlb), u(-1n), 0n];
  }
  if (s.opening) return [0n, BigInt(2 + c.pick(3)) * PAGE, BigInt(PROT.READ | PROT.WRITE), BigInt(MAP.PRIVATE | MAP.ANONYMOUS), u(-1n), 0n];
  const len = length(c, true, ctx.machine.ramSwap);
  const flags = mapFlags(c, len);
  const fixed = (flags & BigInt(MAP.FIXED | MAP.FIXED_NOREPLACE)) !== 0n;
  const addr = fixed || c.chance(20) ? address(c, ctx) : 0n;
  return [addr, len, prot(c, ctx), flags, c.chance(95) ? u(-1n) : BigInt(c.pick(4)), c.chance(95) ? 0n : BigInt(c.pick(3)) * 0x800n];
};

export const munmap: Resolver = (c, ctx) => [address(c, ctx), rangeLength(c, ctx)];

export const mremap: Resolver = (c, ctx) => {
  const flags = BigInt(c.weighted([
    [0, 20], [MREMAP.MAYMOVE, 30], [MREMAP.MAYMOVE | MREMAP.FIXED, 20], [MREMAP.MAYMOVE | MREMAP.DONTUNMAP, 10],
    [MREMAP.FIXED, 4], [MREMAP.DONTUNMAP, 3], [MREMAP.MAYMOVE | MREMAP.FIXED | MREMAP.DONTUNMAP, 5], [8, 2],
  ] as const));
  const oldLen = length(c, false, ctx.machine.ramSwap);
  const newLen = c.chance(30) ? oldLen : length(c, false, ctx.machine.ramSwap);
  return [address(c, ctx), oldLen, newLen, flags, flags & BigInt(MREMAP.FIXED | MREMAP.DONTUNMAP) ? address(c, ctx) : 0n];
};

/** The break: near the machine's start (grow and shrink), unaligned, at the overcommit limit, or nonsense. */
export const brk: Resolver = (c: Decisions, ctx: Ctx, _s: Site): Arg[] => {
  const start = ctx.machine.brkStart;
  return [c.weighted([
    [0n, 3], [start + BigInt(c.pick(40)) * PAGE, 10], [start + BigInt(c.pick(0x3000)), 3], [1n, 1], [start + commitLength(c, ctx.machine.ramSwap), 1],
  ] as const)];
};
