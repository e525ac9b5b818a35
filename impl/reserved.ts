// Reserved ranges (abi/program.ts MachineConfig.reserved): the kernel target's helper
// memory, present in every process as VMAs that count for placement and map_count,
// never merge (F_RESERVED is a flags bit no program VMA has), are copied by fork and
// are left out of snapshots (impl/machine.ts procState).

import type { MachineConfig } from '../abi/program.js';
import { VMF } from '../abi/vmflags.js';
import { F_READ, F_RESERVED, F_WRITE } from './vma.js';

/** The flags bit of a reserved VMA (defined with the other packed bits in impl/vma.ts). */
export { F_RESERVED } from './vma.js';

/** The reserved VMAs as [first page, end page, packed flags]: the kernel adds them to the first process. */
export function reservedVmas(cfg: MachineConfig): Array<readonly [number, number, number]> {
  return (cfg.reserved ?? []).map((r) => [Number(r.start / 4096n), Number(r.end / 4096n), (F_RESERVED | F_READ | F_WRITE | (r.growsdown ? VMF.GROWSDOWN : 0)) >>> 0] as const);
}
