// Two targets diffed against each other. The pair decides the program both really
// run (the kernel's layout is adopted by the other side, so non-fixed placement
// compares exactly), which ops a campaign may generate (what both can run), and how
// traces compare (through what each target can observe).

import { compare, perProgramKeys, type Divergence, type MachineConfig, type OpName, type Program, type Trace } from '../abi/index.js';
import type { MachineSpace } from './gen/machine.js';
import { openTarget, pairSpecs, type Target } from './target.js';

export class TargetPair {
  readonly spec: string;
  /** The machine parameters both targets' layouts fix (none for in-process pairs). */
  private readonly layout: Partial<MachineConfig> | null;
  /** Of those, the ones every fixed layout lets a program choose (the kernel's thp). */
  private readonly free: ReadonlyArray<keyof MachineConfig>;

  constructor(
    readonly a: Target,
    readonly b: Target,
  ) {
    this.spec = `${a.name},${b.name}`;
    const layout = { ...a.layout, ...b.layout };
    this.layout = Object.keys(layout).length ? layout : null;
    const fixed = [a.layout, b.layout].filter((l): l is Partial<MachineConfig> => l !== undefined && Object.keys(l).length > 0);
    this.free = fixed.length ? perProgramKeys(fixed[0]).filter((k) => fixed.every((l) => perProgramKeys(l).includes(k))) : [];
  }

  get names(): [string, string] {
    return [this.a.name, this.b.name];
  }

  /**
   * The program as both targets run it: the targets' layouts fill what the program leaves
   * unset, except what they take per program — there a program that says nothing means
   * the default machine, as its printed form does (thp=1 is never written).
   */
  adapt(prog: Program): Program {
    if (!this.layout) return prog;
    const fixed: Partial<MachineConfig> = { ...this.layout };
    for (const k of this.free) delete fixed[k];
    return { ...prog, machine: { ...fixed, ...prog.machine } };
  }

  /** The machine parameters the targets' layouts fix (the live kernel's), for the generator's constants. */
  get fixedLayout(): Partial<MachineConfig> {
    return this.layout ?? {};
  }

  /**
   * What a campaign may vary of the machine per program: when a target has a fixed layout
   * (the live kernel), only what that layout takes per program (thp), else every
   * parameter, and the profiles both run.
   */
  machineSpace(): MachineSpace {
    if (this.layout) return { vary: false, profiles: [], ...(this.free.includes('thp') ? { thp: this.layout.thp ?? true } : {}) };
    const pb = this.b.profiles ?? [];
    return { vary: true, profiles: (this.a.profiles ?? []).filter((p) => pb.includes(p)) };
  }

  /** Ops one of the targets cannot run: a campaign does not generate them. */
  excludedOps(): OpName[] {
    return [...new Set([...(this.a.unsupportedOps ?? []), ...(this.b.unsupportedOps ?? [])])];
  }

  /** Both traces cut down to what both targets can observe. */
  observed(ta: Trace, tb: Trace): [Trace, Trace] {
    for (const see of [this.a.observe, this.b.observe]) {
      if (see) {
        ta = see(ta);
        tb = see(tb);
      }
    }
    return [ta, tb];
  }

  /** Compares what both targets can observe. */
  compare(ta: Trace, tb: Trace, prog: Program): Divergence | null {
    return compare(...this.observed(ta, tb), prog);
  }

  async close(): Promise<void> {
    await Promise.all([this.a.close?.(), this.b.close?.()]);
  }
}

export async function openPair(list: string): Promise<TargetPair> {
  const [sa, sb] = pairSpecs(list);
  const a = await openTarget(sa);
  try {
    return new TargetPair(a, await openTarget(sb));
  } catch (e) {
    await a.close?.();
    throw e;
  }
}

/** Runs `fn` with an open pair and closes it (the kernel target's helper) however `fn` ends. */
export async function withPair<T>(list: string, fn: (pair: TargetPair) => Promise<T>): Promise<T> {
  const pair = await openPair(list);
  try {
    return await fn(pair);
  } finally {
    await pair.close();
  }
}
