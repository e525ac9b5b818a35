// read, write, exec: CPU accesses (and mem_write, the kernel's forced write) to earlier mappings (faults, copy-on-write), to
// trampoline slots, and rewrites of trampfd tables between executions.

import type { Arg } from '../../../abi/index.js';
import { PAGE } from '../context.js';
import { creator, type Resolver } from '../site.js';
import { address, plus, recent, ref, returnAddress } from '../values.js';
import { trampolineSlot } from './trampfd.js';

export const read: Resolver = (c, ctx) => [ctx.tramps.length && c.chance(15) ? trampolineSlot(c, ctx) : address(c, ctx)];

export const exec: Resolver = (c, ctx, s) => {
  if (ctx.tramps.length && c.chance(ctx.flavor === 'trampfd' ? 70 : 40)) {
    s.proc = creator(c, ctx, s);
    return [trampolineSlot(c, ctx)];
  }
  return [address(c, ctx)];
};

export const write: Resolver = (c, ctx, s) => {
  // a huge-page program's first touch: somewhere in its opening mapping
  if (s.scripted && ctx.flavor === 'thp' && ctx.addrs.length) return [ref(ctx.addrs[ctx.addrs.length - 1], BigInt(c.pick(1024)) * PAGE), BigInt(1 + c.pick(0xff))];
  if (ctx.tables.length && c.chance(ctx.flavor === 'trampfd' ? 50 : 15)) {
    // rewrite a table entry between executions: another trampoline (a chain), or a plain value
    const entry = plus(recent(c, ctx.tables, 3), BigInt(c.pick(4)) * 8n);
    return [entry, ctx.tramps.length && c.chance(40) ? trampolineSlot(c, ctx) : returnAddress(c)];
  }
  return [address(c, ctx), BigInt(1 + c.pick(0xff))];
};

/**
 * mem_write: an 8-byte FOLL_FORCE write through /proc/self/mem — where the CPU may not
 * write (read-only, PROT_NONE, pkey-denied, shadow stacks, trampfd slots, the zero
 * page after a read), across a page end (+0xffd), and over holes.
 */
export const memWrite: Resolver = (c, ctx) => {
  const at = c.weighted([
    ['any', 60], ['page-end', 15],
    ['shstk', ctx.shstks.length ? 12 : 0], ['tramp', ctx.tramps.length ? 10 : 0], ['table', ctx.tables.length ? 6 : 0],
  ] as const);
  let addr: Arg;
  switch (at) {
    case 'any':
      addr = address(c, ctx);
      break;
    case 'page-end':
      addr = plus(address(c, ctx), c.weighted([[0xffdn, 2], [0xff8n, 2], [0xff9n, 1]] as const));
      break;
    case 'shstk':
      addr = ref(recent(c, ctx.shstks, 3).bind, BigInt(c.pick(4)) * PAGE + c.weighted([[0n, 2], [0xff8n, 3], [0xff0n, 1]] as const));
      break;
    case 'tramp':
      addr = trampolineSlot(c, ctx);
      break;
    case 'table':
      addr = plus(recent(c, ctx.tables, 3), BigInt(c.pick(4)) * 8n);
      break;
  }
  const value = c.weighted([[BigInt(1 + c.pick(0xff)), 5], [returnAddress(c), 2], [0n, 1], [0xffffffffffffffffn, 1], [0x8000000000000001n, 1]] as const);
  return [addr, value];
};
