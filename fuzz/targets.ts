// The targets by name. model/ and impl/ each provide a MachineFactory and run
// in-process; the kernel target starts a native helper (kernel/), loaded only when
// a campaign asks for it.

import type { MachineConfig, MachineFactory } from '../abi/index.js';
import { createImpl } from '../impl/index.js';
import { createModel } from '../model/index.js';
import { withFault } from './faults.js';
import { localTarget } from './local-target.js';
import type { Target } from './target.js';

export interface TargetOpener {
  /** Set for in-process targets. */
  readonly factory?: MachineFactory;
  /** Whether `name@profile` specs are accepted. */
  readonly profiles: boolean;
  open(spec: string, over?: Partial<MachineConfig>): Promise<Target>;
}

export const PROFILES: ReadonlyArray<MachineConfig['profile']> = ['6.18', '6.10'];

function local(name: string, factory: MachineFactory): TargetOpener {
  const f = withFault(name, factory);
  return { factory: f, profiles: true, open: async (spec, over) => localTarget(spec, f, over) };
}

export const TARGETS: Readonly<Record<string, TargetOpener>> = {
  model: local('model', createModel),
  impl: local('impl', createImpl),
  kernel: {
    profiles: false,
    open: async () => {
      const where = '../kernel/target.js'; // TEMP until kernel/ lands
      return (await import(where)).openKernelTarget();
    },
  },
};

export function targetNames(): string[] {
  return Object.keys(TARGETS);
}
