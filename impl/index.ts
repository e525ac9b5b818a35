// The optimized implementation target: a memory manager built the way a kernel builds
// it (radix page tables of real x86 PTEs, a B-tree of VMAs, refcounted frames).
// Imports abi/ only — never model/.

import type { MachineFactory } from '../abi/machine.js';
import { ImplMachine } from './machine.js';

export const createImpl: MachineFactory = (cfg, cov) => new ImplMachine(cfg, cov);
export { ImplMachine };
