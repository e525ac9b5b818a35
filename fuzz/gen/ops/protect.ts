// mprotect, pkey_mprotect, pkey_alloc, pkey_free, wrpkru, mseal: protections, keys and
// seals over earlier mappings (partial overlaps, holes, sealed neighbours).

import type { Resolver } from '../site.js';
import { address, length, pkeyArg, pkruValue, prot, rangeLength } from '../values.js';

export const mprotect: Resolver = (c, ctx) => [address(c, ctx), rangeLength(c, ctx, ctx.machine.ramSwap), prot(c, ctx)];

export const pkeyMprotect: Resolver = (c, ctx) => [address(c, ctx), length(c), prot(c, ctx), pkeyArg(c, ctx)];

export const pkeyAlloc: Resolver = (c) => [c.chance(95) ? 0n : 1n, BigInt(c.weighted([[0, 4], [1, 3], [2, 3], [3, 1], [4, 1]] as const))];

export const pkeyFree: Resolver = (c, ctx) => [pkeyArg(c, ctx)];

export const wrpkru: Resolver = (c) => [pkruValue(c)];

export const mseal: Resolver = (c, ctx) => [address(c, ctx), length(c), c.chance(97) ? 0n : 1n];
