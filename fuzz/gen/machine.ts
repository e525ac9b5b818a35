// Machines per program: campaigns vary what the targets of a pair can both be — a small
// max_map_count, no protection keys, no THP, no memory-failure support, no zero page, less RAM + swap,
// a hugetlb pool, another kernel profile — and the choice is written in the case's `# machine` line, so it replays.

import { RAM_SWAP_MIN, type MachineConfig, type Profile } from '../../abi/index.js';
import type { Rng } from '../rng.js';

/** What may vary: nothing for a pair with a fixed layout (the live kernel), else these. */
export interface MachineSpace {
  readonly vary: boolean;
  /** Profiles both targets run from a program's `# machine` line (besides 6.18, the default). */
  readonly profiles: readonly Profile[];
  /**
   * A fixed layout that takes thp per program (the live kernel's two helpers): its usual
   * value. Every program then says thp=0 or thp=1, so its witness replays without the
   * campaign's environment.
   */
  readonly thp?: boolean;
}

/** RAM + swap a varied machine may have: the smallest allowed, a few small ones, 1 GiB, 64 GiB. */
const RAM_SWAPS: readonly bigint[] = [RAM_SWAP_MIN, RAM_SWAP_MIN + (1n << 20n), 32n << 20n, 0x2c01000n, 1n << 30n, 64n << 30n];

export const FIXED_MACHINE: MachineSpace = { vary: false, profiles: [] };

/** A machine for one program: mostly the default, each parameter moved now and then. */
export function chooseMachine(rng: Rng, space: MachineSpace): Partial<MachineConfig> | undefined {
  // a fixed machine: one program in five on the layout's other THP setting
  if (!space.vary) return space.thp === undefined ? undefined : { thp: rng.chance(20) ? !space.thp : space.thp };
  const m: { -readonly [K in keyof MachineConfig]?: MachineConfig[K] } = {};
  // few enough VMAs that 32 ops reach the max_map_count paths (mmap, split, mremap, brk)
  if (rng.chance(12)) m.maxMapCount = rng.chance(50) ? 8 + rng.below(9) : 8 + rng.below(57);
  if (rng.chance(12)) m.pku = false;
  if (rng.chance(10)) m.thp = false;
  if (rng.chance(4)) m.memoryFailure = false;
  if (rng.chance(10)) m.zeroPage = false;
  // RAM + swap small enough that the lengths at the overcommit limit (values.ts commitLength) are
  // cheap mappings, or a large machine's (each at least RAM_SWAP_MIN: the kernel's own requests fit)
  if (rng.chance(10)) m.ramSwap = RAM_SWAPS[rng.below(RAM_SWAPS.length)];
  // a small hugetlb pool: MAP_HUGETLB's reservation fails only past it
  if (rng.chance(10)) m.hugePages = 1 + rng.below(4);
  if (rng.chance(10)) m.gbPages = false;
  const others = space.profiles.filter((p) => p !== '6.18');
  if (others.length && rng.chance(12)) m.profile = others[rng.below(others.length)];
  return Object.keys(m).length ? m : undefined;
}
