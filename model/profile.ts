// Kernel profiles (abi/program.ts MachineConfig.profile): what differs between the
// default 6.18 rules and the 6.10 ones. Each predicate names one difference.

import type { Kernel } from './mm.js';

/** 6.10–6.11: seals checked up front with can_modify_mm (SEMANTICS §4.4); 6.12+: per VMA. */
export function sealsUpFront(k: Kernel): boolean {
  return k.cfg.profile === '6.10';
}

/** MADV_GUARD_INSTALL / MADV_GUARD_REMOVE exist since 6.13. */
export function hasGuardRegions(k: Kernel): boolean {
  return k.cfg.profile !== '6.10';
}

/** MAP_DROPPABLE exists since 6.11. */
export function hasDroppable(k: Kernel): boolean {
  return k.cfg.profile !== '6.10';
}

/** trampfd (RFC v2, never merged) is part of the 6.18 profile only (docs/conventions.md). */
export function hasTrampfd(k: Kernel): boolean {
  return k.cfg.profile !== '6.10';
}
