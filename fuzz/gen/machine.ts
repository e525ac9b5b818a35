// Machines per program: campaigns vary what the targets of a pair can both be — a small
// max_map_count, no protection keys, no THP, no memory-failure support, no zero page, another kernel
// profile — and the choice is written in the case's `# machine` line, so it replays.

import type { MachineConfig, Profile } from '../../abi/index.js';
import type { Rng } from '../rng.js';

/** What may vary: nothing for a pair with a fixed layout (the live kernel), else these. */
export interface MachineSpace {
  readonly vary: boolean;
  /** Profiles both targets run from a program's `# machine` line (besides 6.18, the default). */
  readonly profiles: readonly Profile[];
}

export const FIXED_MACHINE: MachineSpace = { vary: false, profiles: [] };

/** A machine for one program: mostly the default, each parameter moved now and then. */
export function chooseMachine(rng: Rng, space: MachineSpace): Partial<MachineConfig> | undefined {
  if (!space.vary) return undefined;
  const m: { -readonly [K in keyof MachineConfig]?: MachineConfig[K] } = {};
  // few enough VMAs that 32 ops reach the max_map_count paths (mmap, split, mremap, brk)
  if (rng.chance(12)) m.maxMapCount = rng.chance(50) ? 8 + rng.below(9) : 8 + rng.below(57);
  if (rng.chance(12)) m.pku = false;
  if (rng.chance(10)) m.thp = false;
  if (rng.chance(4)) m.memoryFailure = false;
  if (rng.chance(10)) m.zeroPage = false;
  const others = space.profiles.filter((p) => p !== '6.18');
  if (others.length && rng.chance(12)) m.profile = others[rng.below(others.length)];
  return Object.keys(m).length ? m : undefined;
}
