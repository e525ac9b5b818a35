// madvise: every advice, the populating ones only over small ranges; in a huge-page
// program mostly the THP advice over blocks, and MADV_HUGEPAGE over its opening mapping.

import { MADV } from '../../../abi/index.js';
import type { Resolver } from '../site.js';
import { address, advice, rangeLength, recent, ref, SZ_2M } from '../values.js';

export const madvise: Resolver = (c, ctx, s) => {
  if (s.scripted && ctx.flavor === 'thp' && ctx.addrs.length) {
    return [ref(ctx.addrs[ctx.addrs.length - 1], 0n), ctx.mapLength ?? 0x400000n, BigInt(MADV.HUGEPAGE)];
  }
  // whole blocks of a recent mapping, collapsed or advised (collapse needs an aligned block in range)
  if (ctx.flavor === 'thp' && ctx.addrs.length && c.chance(30)) {
    const at = ref(recent(c, ctx.addrs, 3), BigInt(c.pick(2)) * SZ_2M);
    return [at, BigInt(1 + c.pick(2)) * SZ_2M, BigInt(c.chance(70) ? MADV.COLLAPSE : MADV.HUGEPAGE)];
  }
  const addr = address(c, ctx);
  const len = rangeLength(c, ctx);
  return [addr, len, advice(c, len, ctx.flavor === 'thp')];
};
