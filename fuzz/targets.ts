// The in-process targets by name. A target is anything that runs a program and
// returns a trace; model/ and impl/ each provide a MachineFactory.

import type { MachineFactory } from '../abi/index.js';
import { createImpl } from '../impl/index.js';
import { createModel } from '../model/index.js';

export const TARGETS: Readonly<Record<string, MachineFactory>> = {
  model: createModel,
  impl: createImpl,
};

export function targetNames(): string[] {
  return Object.keys(TARGETS);
}
