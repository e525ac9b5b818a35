// Reserved ranges (abi/program.ts MachineConfig.reserved): memory the machine's own
// software holds in every process (the kernel target's helper). Each is an existing
// VMA from the start: it counts for placement (vm_unmapped_area skips it; a growsdown
// one keeps its stack_guard_gap) and for map_count, never merges (VM_RESERVED is a
// vm_flags bit no program VMA has), is copied by fork, and snapshot.ts hides it.
// Programs never act on it: the kernel target refuses those that would.

import { PROT, VMF, type MachineConfig } from '../abi/index.js';
import type { Mm } from './mm.js';
import { insertVma, newVma } from './vma.js';

/** A model-only vm_flags bit: this VMA is reserved memory. */
export const VM_RESERVED = 1 << 27;

export function addReserved(mm: Mm, cfg: MachineConfig): void {
  for (const r of cfg.reserved ?? []) {
    const flags = VM_RESERVED | (r.growsdown ? VMF.GROWSDOWN : 0);
    insertVma(
      mm,
      newVma({
        start: r.start,
        end: r.end,
        attrs: { prot: PROT.READ | PROT.WRITE, flags, pkey: 0 },
        pgoff: r.start >> 12n,
        shmem: null,
        anonVma: null,
        anonFromFork: false,
      }),
    );
  }
}

export function isReserved(flags: number): boolean {
  return (flags & VM_RESERVED) !== 0;
}
