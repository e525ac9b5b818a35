// Reserved ranges (abi/program.ts MachineConfig.reserved): the kernel target's helper
// memory, present in every process as VMAs that count for placement and map_count,
// never merge (F_RESERVED is a flags bit no program VMA has), are copied by fork and
// are left out of snapshots (impl/machine.ts procState).

import type { MachineConfig } from '../abi/program.js';
import { VMF } from '../abi/vmflags.js';
import type { Kernel, Proc } from './kernel.js';
import { F_READ, F_WRITE } from './vma.js';

/** Flags bit 26 (impl/vma.ts packs VMF 0..17, prot 18..20, pkey 21..24, VM_SYNC 25). */
export const F_RESERVED = 1 << 26;

export function addReserved(k: Kernel, mm: Proc, cfg: MachineConfig): void {
  for (const r of cfg.reserved ?? []) {
    const vs = Number(r.start / 4096n);
    const fl = (F_RESERVED | F_READ | F_WRITE | (r.growsdown ? VMF.GROWSDOWN : 0)) >>> 0;
    k.addVma(mm, vs, Number(r.end / 4096n), vs, fl, 0, 0, 0);
  }
}
