// trampfd (SEMANTICS §11): trampfd_create, descriptor writes with tables in mapped
// memory, mmap of the fd (mostly the one valid shape), trampoline slots to exec, close.

import { MAP, PROT, TRAMPFD, type Arg } from '../../../abi/index.js';
import { PAGE, type Ctx } from '../context.js';
import type { Decisions } from '../decisions.js';
import { creator, type Resolver } from '../site.js';
import { address, plus, recent, ref, rwAddress, u } from '../values.js';

/** A trampfd descriptor: an earlier trampfd_create result mostly, else stdio or a bad number. */
function fdArg(c: Decisions, ctx: Ctx): Arg {
  if (ctx.fds.length && c.chance(85)) return ref(recent(c, ctx.fds, 3), 0n);
  return c.weighted([[3n, 4], [4n, 2], [0n, 1], [2n, 1], [99n, 1], [u(-1n), 1], [0x100000003n, 1]] as const);
}

/** A register of the trampfd uapi enum: x64_rax (7) .. x64_r15 (21), sometimes out of range. */
function regArg(c: Decisions): bigint {
  return c.weighted([[BigInt(TRAMPFD.REG_X64_RAX + c.pick(15)), 90], [6n, 3], [22n, 3], [0n, 2], [0x100000007n, 2]] as const);
}

/** A table address for a trampfd descriptor: inside earlier mappings, 8-aligned mostly. */
function tableArg(c: Decisions, ctx: Ctx): Arg {
  return c.chance(95) ? rwAddress(c, ctx, 0x100n) : plus(rwAddress(c, ctx, 0x100n), 4n);
}

/** The start of trampoline X of an earlier trampfd mapping (X mostly below the 4 the generator writes). */
export function trampolineSlot(c: Decisions, ctx: Ctx): Arg {
  const page = recent(c, ctx.tramps, 2);
  const x = c.weighted([[BigInt(c.pick(4)), 85], [101n, 5], [102n, 5], [0n, 5]] as const);
  return ref(page, x * BigInt(TRAMPFD.CODE_SIZE) + (c.chance(5) ? 4n : 0n));
}

/** mmap of an earlier trampfd: mostly the one valid shape (one page, R-X, MAP_PRIVATE, offset 4096). */
export function trampfdMmapArgs(c: Decisions, ctx: Ctx): Arg[] {
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

export const trampfdCreate: Resolver = (c, ctx) => [c.chance(95) ? rwAddress(c, ctx, 0x10n) : 0n];

export const trampfdWriteCode: Resolver = (c, ctx, s) => {
  s.proc = creator(c, ctx, s);
  // the opening's descriptors are valid, so its mmap can succeed
  if (s.scripted && ctx.fds.length) return [ref(ctx.fds[0], 0n), BigInt(1 + c.pick(4)), BigInt(TRAMPFD.REG_X64_RAX + c.pick(15)), tableArg(c, ctx)];
  return [fdArg(c, ctx), c.weighted([[BigInt(1 + c.pick(4)), 85], [102n, 4], [0n, 4], [103n, 4], [0x100000001n, 3]] as const), regArg(c), tableArg(c, ctx)];
};

export const trampfdWriteData: Resolver = (c, ctx, s) => {
  s.proc = creator(c, ctx, s);
  return s.scripted && ctx.fds.length ? [ref(ctx.fds[0], 0n), BigInt(TRAMPFD.REG_X64_RAX + c.pick(15)), tableArg(c, ctx)] : [fdArg(c, ctx), regArg(c), tableArg(c, ctx)];
};

export const close: Resolver = (c, ctx) => [fdArg(c, ctx)];
