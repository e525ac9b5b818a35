// What every target offers (fuzz/target.ts opens one by spec): in its own module, so the
// targets (targets.ts, local-target.ts, kernel) can name it without importing the
// opener that imports them.

import type { Coverage, MachineConfig, OpName, Profile, Program, Trace } from '../abi/index.js';

export interface Target {
  readonly name: string;
  /** Runs the programs in order; `covs[i]` receives program i's rule coverage; `onProgram(i)` is called as program i starts. */
  runMany(progs: readonly Program[], covs?: ReadonlyArray<Coverage | undefined>, onProgram?: (i: number) => void): Promise<Trace[]>;
  run(prog: Program, cov?: Coverage): Promise<Trace>;
  /** Machine parameters every other target must adopt to start from the same state (the kernel's layout). */
  readonly layout?: Partial<MachineConfig>;
  /** Profiles a program's `# machine profile=` may select (none when the spec fixes one, or the target has none). */
  readonly profiles?: readonly Profile[];
  /** Ops the target cannot run: the generator leaves them out of its campaigns. */
  readonly unsupportedOps?: readonly OpName[];
  /** The part of a trace this target can observe; a pair compares both traces through it. */
  readonly observe?: (t: Trace) => Trace;
  close?(): Promise<void>;
}
