// One op being generated: the process that runs it (a resolver may move it, e.g. to a
// trampfd's creator) and whether it is a scripted opening step of its flavour.

import type { Arg } from '../../abi/index.js';
import type { Ctx } from './context.js';
import type { Decisions } from './decisions.js';

export interface Site {
  proc: number;
  /** A scripted opening step (OPENINGS in program.ts). */
  readonly scripted: boolean;
  /** The first opening step (enable shadow stacks / map memory for the trampfd). */
  readonly opening: boolean;
  /** The shadow-stack opening maps its second stack with mmap(PROT_SHADOWSTACK). */
  readonly ssOpening: boolean;
}

/** The arguments of one op, in the C call's order. */
export type Resolver = (c: Decisions, ctx: Ctx, s: Site) => Arg[];

/** The newest trampfd's creator mostly (the only process that may map it), else the site's process. */
export function creator(c: Decisions, ctx: Ctx, s: Site): number {
  return ctx.fdProcs.length && c.chance(70) ? ctx.fdProcs[ctx.fdProcs.length - 1] : s.proc;
}
