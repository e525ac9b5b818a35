// Shadow stacks (SEMANTICS §10): arch_prctl ENABLE/DISABLE/LOCK/STATUS, map_shadow_stack
// near earlier stacks (merging, the guard gap) or mmap(PROT_SHADOWSTACK) (the
// prot-shadowstack design variant), calls with mostly matching rets, WRSS that forges
// tokens, RSTORSSP/SAVEPREVSSP pivots onto the tokens of other stacks, INCSSP.

import { ARCH_SHSTK, MAP, PROT, SHADOW_STACK, TASK_SIZE, type Arg } from '../../../abi/index.js';
import { PAGE, type Ctx } from '../context.js';
import type { Decisions } from '../decisions.js';
import type { Resolver } from '../site.js';
import { address, ARENA, recent, ref, returnAddress, rwAddress, SZ_2M, u } from '../values.js';

/** Shadow-stack sizes: pages, token-sized oddities, a 2 MiB (THP-placed) one, bad ones. */
function shstkSize(c: Decisions): bigint {
  return c.weighted([
    [BigInt(1 + c.pick(4)) * PAGE, 55], [0x1800n, 6], [0x1004n, 4], [8n, 3], [0x10n, 2], [7n, 3], [0n, 3],
    [0x200000n, 4], [0x200000n + PAGE, 1], [u(-1n), 2], [u(-PAGE), 1], [1n << 47n, 1],
  ] as const);
}

/** An earlier shadow stack (map_shadow_stack result), newest most often. */
function pickShstk(c: Decisions, ctx: Ctx): { bind: number; size: bigint } {
  return recent(c, ctx.shstks, 3);
}

/** map_shadow_stack's address: none, next to an earlier stack, above 4 GiB, or below it (ERANGE). */
function shstkAddress(c: Decisions, ctx: Ctx): Arg {
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
      return c.weighted([[0x100000000n, 2], [0x200000000n + BigInt(c.pick(8)) * PAGE, 3], [(ctx.machine.mmapBase & ~(SZ_2M - 1n)) - 0xe00000n, 2], [0x100000800n, 1]] as const);
    case 'odd':
      return c.weighted([[0x1000n, 1], [0xfffff000n, 1], [TASK_SIZE - PAGE, 1], [ARENA, 1]] as const);
  }
}

/**
 * An address on a shadow stack: the token slot or an entry of an earlier map_shadow_stack,
 * the thread shadow stack's top entries (ENABLE maps it top-down, ending at the 2 MiB
 * boundary below mmap_base in a fresh process), or any address at all.
 */
function shstkSlot(c: Decisions, ctx: Ctx): Arg {
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
      return (ctx.machine.mmapBase & ~(SZ_2M - 1n)) - 8n * BigInt(1 + c.pick(4));
    case 'any':
      return address(c, ctx);
  }
}

/** mmap of a shadow stack through PROT_SHADOWSTACK (the prot-shadowstack design; a read-only mapping elsewhere). */
export function protShadowStackMmap(c: Decisions, ctx: Ctx): Arg[] {
  const size = BigInt(1 + c.pick(4)) * PAGE;
  const flags = c.weighted([[0, 8], [MAP.FIXED, 2], [MAP['32BIT'], 1], [MAP.ABOVE4G, 1], [MAP.POPULATE, 1]] as const);
  const addr = flags & MAP.FIXED ? (ctx.shstks.length && c.chance(50) ? shstkAddress(c, ctx) : address(c, ctx)) : 0n;
  const p = c.weighted([[PROT.READ | PROT.SHADOWSTACK, 8], [PROT.SHADOWSTACK, 1], [PROT.READ | PROT.WRITE | PROT.SHADOWSTACK, 1]] as const);
  return [addr, size, BigInt(p), BigInt(MAP.PRIVATE | MAP.ANONYMOUS | flags), u(-1n), 0n];
}

export const mapShadowStack: Resolver = (c, ctx) => {
  const flags = BigInt(c.weighted([
    [SHADOW_STACK.SET_TOKEN, 70], [0, 20], [SHADOW_STACK.SET_MARKER, 3], [SHADOW_STACK.SET_TOKEN | SHADOW_STACK.SET_MARKER, 2],
    [4, 2], [0x100000001, 3],
  ] as const));
  return [shstkAddress(c, ctx), shstkSize(c), flags];
};

export const archPrctl: Resolver = (c, ctx, s) => {
  // the opening enables shadow stacks, then WRSS
  if (s.scripted) return [BigInt(ARCH_SHSTK.ENABLE), BigInt(ctx.enables === 0 ? ARCH_SHSTK.SHSTK : ARCH_SHSTK.WRSS)];
  const option = c.weighted([
    [ARCH_SHSTK.ENABLE, 45], [ARCH_SHSTK.DISABLE, 14], [ARCH_SHSTK.LOCK, 7], [ARCH_SHSTK.UNLOCK, 6], [ARCH_SHSTK.STATUS, 20],
    [0x5000, 2], [0x5006, 2], [0x100005001, 2], [-1, 2],
  ] as const);
  // the first ENABLE mostly turns shadow stacks on, later ones mostly WRSS
  const first = option === ARCH_SHSTK.ENABLE && ctx.enables === 0;
  const arg: Arg = option === ARCH_SHSTK.STATUS
    ? rwAddress(c, ctx, 8n)
    : BigInt(c.weighted([
      [ARCH_SHSTK.SHSTK, first ? 80 : 30], [ARCH_SHSTK.WRSS, first ? 5 : 55], [0, 4], [ARCH_SHSTK.SHSTK | ARCH_SHSTK.WRSS, 4], [4, 3],
      [0x100000000, 2], [-1, 2],
    ] as const));
  return [BigInt.asUintN(64, BigInt(option)), typeof arg === 'bigint' ? u(arg) : arg];
};

export const call: Resolver = (c) => [returnAddress(c)];

/** Mostly the innermost pending call's return address (the program's own view of SSP). */
export const ret: Resolver = (c, ctx) => [ctx.calls.length && c.chance(80) ? ctx.calls[ctx.calls.length - 1] : returnAddress(c)];

export const wrss: Resolver = (c, ctx) => {
  if (ctx.shstks.length && c.chance(40)) {
    // forge a token for an address on an earlier stack: base + 8k, | 1 (restore) or | 3 (previous SSP)
    const s = pickShstk(c, ctx);
    return [shstkSlot(c, ctx), ref(s.bind, BigInt(c.pick(8)) * 8n + (c.chance(60) ? 1n : 3n))];
  }
  return [shstkSlot(c, ctx), c.weighted([[returnAddress(c), 70], [0n, 15], [u(-1n), 5], [3n, 10]] as const)];
};

export const rstorssp: Resolver = (c, ctx) => [shstkSlot(c, ctx)];

export const saveprevssp: Resolver = () => [];

export const incssp: Resolver = (c) => [c.weighted([[BigInt(1 + c.pick(4)), 70], [0n, 8], [0x100n, 4], [0xffn, 8], [0x101n, 5], [u(-1n), 5]] as const)];

/** signal: a handler returning through the restorer — a code address, mostly one call pushed too. */
export const signal: Resolver = (c, ctx) => [c.chance(80) ? returnAddress(c) : address(c, ctx)];

/** sigreturn alone: pops whatever token the shadow stack holds. */
export const sigreturn: Resolver = () => [];
