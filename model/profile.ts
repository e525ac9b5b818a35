// Kernel profiles (abi/program.ts MachineConfig.profile): what differs between the
// default 6.18 rules and the others. Each predicate names one difference.
//
//   6.18              the default: Linux 6.18 (SEMANTICS.md)
//   6.10              Linux 6.10: up-front seal checks, no guard regions, no MAP_DROPPABLE, no trampfd
//   mseal             6.18 by another name: the mseal() syscall design, paired with prot-seal
//   prot-seal         6.18, but sealing through PROT_SEAL in mmap/mprotect, no mseal() (model/variants/prot-seal.ts)
//   map-shadow-stack  6.18 by another name (fuzz/targets.ts runs it with shstk=1), paired with prot-shadowstack
//   prot-shadowstack  6.18, but shadow stacks made by mmap/mprotect(PROT_SHADOWSTACK), no
//                     map_shadow_stack() (model/variants/prot-shadowstack.ts)
// Every profile but 6.10 is 6.18 in all the rules below that name 6.10.

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

/** prot-seal: PROT_SEAL is a protection bit of mmap and mprotect (model/variants/prot-seal.ts). */
export function hasProtSeal(k: Kernel): boolean {
  return k.cfg.profile === 'prot-seal';
}

/** The mseal() syscall exists everywhere but in the prot-seal design (model/variants/prot-seal.ts). */
export function hasMsealSyscall(k: Kernel): boolean {
  return k.cfg.profile !== 'prot-seal';
}

/**
 * prot-shadowstack: PROT_SHADOWSTACK is a protection bit of mmap and mprotect
 * (model/variants/prot-shadowstack.ts) — on a kernel with user shadow stacks only
 * (without cfg.shstk it is an unknown bit, as in 6.18).
 */
export function hasProtShadowStack(k: Kernel): boolean {
  return k.cfg.profile === 'prot-shadowstack' && k.cfg.shstk;
}

/** map_shadow_stack() exists everywhere but in the prot-shadowstack design. */
export function hasMapShadowStack(k: Kernel): boolean {
  return k.cfg.profile !== 'prot-shadowstack';
}
