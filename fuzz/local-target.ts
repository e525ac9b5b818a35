// In-process targets (model, impl): a MachineFactory run synchronously, wrapped in
// the asynchronous Target interface; `runSync` serves tests, benchmarks and assertions.

import { runProgram, type Coverage, type MachineConfig, type MachineFactory, type Program, type Trace } from '../abi/index.js';
import type { Target } from './target-api.js';

/** An in-process target: also runs synchronously (tests, benchmarks, assertions). */
export interface LocalTarget extends Target {
  runSync(prog: Program, cov?: Coverage): Trace;
}

export function localTarget(name: string, factory: MachineFactory, over?: Partial<MachineConfig>): LocalTarget {
  const runSync = over
    ? (p: Program, cov?: Coverage) => runProgram(factory, { ...p, machine: { ...p.machine, ...over } }, cov)
    : (p: Program, cov?: Coverage) => runProgram(factory, p, cov);
  return fromRunSync(name, runSync);
}

/** The asynchronous Target interface around a synchronous runner. */
export function fromRunSync(name: string, runSync: (p: Program, cov?: Coverage) => Trace): LocalTarget {
  return {
    name,
    runSync,
    run: async (p, cov) => runSync(p, cov),
    runMany: async (progs, covs, onProgram) =>
      progs.map((p, i) => {
        onProgram?.(i);
        return runSync(p, covs?.[i]);
      }),
  };
}

