// read, write, exec: CPU accesses to earlier mappings (faults, copy-on-write), to
// trampoline slots, and rewrites of trampfd tables between executions.

import { creator, type Resolver } from '../site.js';
import { address, plus, recent, returnAddress } from '../values.js';
import { trampolineSlot } from './trampfd.js';

export const read: Resolver = (c, ctx) => [ctx.tramps.length && c.chance(15) ? trampolineSlot(c, ctx) : address(c, ctx)];

export const exec: Resolver = (c, ctx, s) => {
  if (ctx.tramps.length && c.chance(ctx.flavor === 'trampfd' ? 70 : 40)) {
    s.proc = creator(c, ctx, s);
    return [trampolineSlot(c, ctx)];
  }
  return [address(c, ctx)];
};

export const write: Resolver = (c, ctx) => {
  if (ctx.tables.length && c.chance(ctx.flavor === 'trampfd' ? 50 : 15)) {
    // rewrite a table entry between executions: another trampoline (a chain), or a plain value
    const entry = plus(recent(c, ctx.tables, 3), BigInt(c.pick(4)) * 8n);
    return [entry, ctx.tramps.length && c.chance(40) ? trampolineSlot(c, ctx) : returnAddress(c)];
  }
  return [address(c, ctx), BigInt(1 + c.pick(0xff))];
};
