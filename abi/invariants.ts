// Invariants every target's state must satisfy, whatever the program did
// (docs/conventions.md "Shadow stacks"). A violation is a bug in the target even when
// both targets agree.
//
//   shadow-stack PTEs: a present PTE with RW=0 and Dirty=1 is what the CPU takes for a
//   shadow-stack page, so one may exist only inside a VM_SHADOW_STACK VMA of its own
//   process (arch/x86/include/asm/pgtable.h: pte_wrprotect, pte_mkdirty, pte_modify keep
//   every other read-only PTE's dirtiness in SavedDirty; arch/x86/mm/pgtable.c:
//   pte_mkwrite makes RW=0 D=1 only for VM_SHADOW_STACK; mm/memory.c: arch_check_zapped_pte).

import { PTE_BIT } from './constants.js';
import type { State } from './trace.js';
import { hex } from './values.js';
import { VMF } from './vmflags.js';

const P = 1n << BigInt(PTE_BIT.P);
const RW = 1n << BigInt(PTE_BIT.RW);
const D = 1n << BigInt(PTE_BIT.D);

// per distinct bits value (a few dozen occur): a BigInt `&` per page of every trace allocates
const shadowStackLikeCache = new Map<bigint, boolean>();
function shadowStackLike(bits: bigint): boolean {
  let v = shadowStackLikeCache.get(bits);
  if (v === undefined) {
    v = (bits & (P | RW | D)) === (P | D);
    if (shadowStackLikeCache.size < 4096) shadowStackLikeCache.set(bits, v);
  }
  return v;
}

/** The first PTE of `state` that breaks an invariant, as one line; null when there is none. */
export function checkPteInvariants(state: State): string | null {
  for (const proc of state.processes) {
    for (const pte of proc.ptes) {
      if (pte.guard || !shadowStackLike(pte.bits)) continue;
      const vma = proc.vmas.find((v) => v.start <= pte.addr && pte.addr < v.end);
      if (vma && vma.flags & VMF.SHADOW_STACK) continue;
      const where = vma ? `in the VMA ${hex(vma.start)}..${hex(vma.end)} without shadow_stack` : 'outside every VMA';
      return `p${proc.pid} pte ${hex(pte.addr)}: present, RW=0, D=1 (a shadow-stack PTE) ${where}`;
    }
  }
  return null;
}
