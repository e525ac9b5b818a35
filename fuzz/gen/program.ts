// Programs shaped like the bugs. Each op is resolved against what exists at its
// position (context.ts): addresses mostly come from earlier results and VMA edges,
// with partial overlaps, misaligned and wrapping values, sealed neighbours, forks
// followed by writes from both sides, pkeys and PKRU changes, guard regions and
// mremap moves.
//
// A program has a flavour: `mm` (the memory manager, with a few shadow-stack and trampfd
// ops mixed in), `shstk` (a CET machine when it uses a shadow-stack op), `trampfd` or
// `thp` (2 MiB blocks under MADV_HUGEPAGE: huge faults, splits, collapses);
// a flavoured program mostly opens with a scripted scene (OPENINGS).
//
// Decisions come from recipes — op choices plus raw numbers, resolved modulo what exists
// at their position, so any subset of recipes (what fast-check's shrinker tries) is still
// a valid program — or from a seeded Rng when a campaign inserts an op into a program.

import fc from 'fast-check';
import { DEFAULT_MACHINE, type MachineConfig, type Op, type OpName, type Program } from '../../abi/index.js';
import { newContext, record, type Ctx, type Flavor } from './context.js';
import { RecipeDecisions, type Decisions } from './decisions.js';
import type { Site } from './site.js';
import { BINDS, OPENINGS, opTable, RESOLVERS, SHSTK_OPS } from './table.js';

export interface GenOptions {
  readonly maxOps?: number;
  /** Op names the target cannot run (e.g. the kernel target's unsupported ops). */
  readonly exclude?: readonly OpName[];
  /** Machine parameters of the program (written in its `# machine` line). */
  readonly machine?: Partial<MachineConfig>;
  /** The targets' own layout (the kernel's): the generator's constants come from it, the program does not carry it. */
  readonly layout?: Partial<MachineConfig>;
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

/** The flavour of recipes: the first one's `proc`, which nothing else uses (op 0 always runs in p0). */
export function flavorOf(recipes: readonly Recipe[]): Flavor {
  if (!recipes.length) return 'mm';
  const x = recipes[0].proc % 100;
  return x < 64 ? 'mm' : x < 77 ? 'shstk' : x < 90 ? 'trampfd' : 'thp';
}

/**
 * One op at position `index` (an opening step when the flavour scripts one there; -1:
 * never), resolved against `ctx`, which it then updates.
 */
export function resolveOp(c: Decisions, opPick: number, procPick: number, ctx: Ctx, names: readonly OpName[], index: number, force?: OpName): Op {
  const o = OPENINGS[ctx.flavor][index];
  const scripted = force === undefined && o !== undefined && opPick % 8 !== 0 && names.includes(o) ? o : null;
  let name = force ?? scripted ?? names[opPick % names.length];
  // one opening in four maps its second stack with mmap(PROT_SHADOWSTACK) (the prot-shadowstack design)
  const ssOpening = scripted === 'map_shadow_stack' && (opPick >> 3) % 4 === 0;
  if (ssOpening) name = 'mmap';
  // a pivot: RSTORSSP is mostly followed by SAVEPREVSSP
  if (!scripted && force === undefined && ctx.last === 'rstorssp' && opPick % 2 === 0 && names.includes('saveprevssp')) name = 'saveprevssp';
  // mostly the newest process, so forks are followed by ops of the child
  const proc = ctx.procs > 1 && c.chance(55) ? ctx.procs - 1 : procPick % ctx.procs;
  const site: Site = { proc, scripted: scripted !== null, opening: scripted !== null && index === 0, ssOpening };
  const args = RESOLVERS[name](c, ctx, site);
  const op: { -readonly [K in keyof Op]: Op[K] } = { name, proc: site.proc, args };
  if (BINDS.has(name)) op.bind = ctx.nextBind++;
  record(ctx, op);
  return op;
}

/** Resolves recipes into a program (deterministic; any subset of recipes is valid). */
export function buildProgram(recipes: readonly Recipe[], opts: GenOptions = {}): Program {
  const flavor = flavorOf(recipes);
  const names = opTable(flavor, opts.exclude);
  // a shadow-stack program runs on a CET machine; 1 in 8 stays on one without (ENOSYS, EINVAL, #UD)
  const cet = flavor === 'shstk' && recipes[0].proc % 8 !== 0;
  const full = { ...DEFAULT_MACHINE, ...opts.layout, ...(cet ? { shstk: true } : {}), ...opts.machine };
  const ctx = newContext(flavor, full);
  const ops = recipes.map((r, i) => resolveOp(new RecipeDecisions(r.n), r.op, r.proc, ctx, names, i));
  let machine: Partial<MachineConfig> | undefined;
  if (cet && ops.some((o) => SHSTK_OPS.includes(o.name))) machine = { shstk: true };
  if (opts.machine) machine = { ...machine, ...opts.machine };
  return machine ? { ops, machine } : { ops };
}

/** Memory-manager programs of up to `maxOps` ops (default 32). */
export function mmProgram(opts: GenOptions = {}): fc.Arbitrary<Program> {
  return fc.array(recipe, { minLength: 1, maxLength: opts.maxOps ?? 32 }).map((rs) => buildProgram(rs, opts));
}
