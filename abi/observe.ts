// What a live kernel can show of a state (docs/conventions.md "What the kernel
// shows"). The kernel target reads its end state from /proc: smaps (VMAs, VmFlags,
// ProtectionKey), pagemap (present, guard marker, PFN), /proc/PID/mem (contents),
// brk(0) and RDPKRU in each process, and — where its BPF page-table walker loads
// (kernel/helper/ptewalk.c, Hello.pteBits) — each present page's real PTE. A
// comparison that involves the kernel projects both traces through the observer the
// target reports (kernelObserver) first, so a model or impl trace and a kernel trace of
// the same behaviour compare equal: observeTrace() without PTE bits (present only),
// observeTraceWithPtes() with them.

import type { ProcState, PteState, State, Trace, VmaState } from './trace.js';
import { VMF } from './vmflags.js';

/** The bit a projected PTE keeps: present (pagemap PM_PRESENT). */
const PTE_PRESENT = 1n;
/** _PAGE_PRESENT | _PAGE_PROTNONE: pte_present(), which pagemap reports as present. */
const PRESENT_OR_PROTNONE = (1n << 0n) | (1n << 8n);

/**
 * VMA flags smaps shows (fs/proc/task_mmu.c: show_smap_vma_flags; HUGETLB is `ht`). Masked:
 * - TRAMPFD: a model-only marker of a trampfd mapping; no such file on the kernel.
 * - SHADOW_STACK: `ss` is printed only with CONFIG_X86_USER_SHADOW_STACK, which the
 *   kernels here lack (map_shadow_stack is ENOSYS); programs using it are unsupported.
 */
export const KERNEL_VISIBLE_VMF = ((1 << 19) - 1) & ~VMF.TRAMPFD & ~VMF.SHADOW_STACK;

function observeVma(v: VmaState): VmaState {
  const flags = v.flags & KERNEL_VISIBLE_VMF;
  return flags === v.flags ? v : { ...v, flags };
}

/**
 * A page-table entry as pagemap shows it:
 * - present (P, or a PROT_NONE entry, which pte_present() counts): bits = P only.
 *   RW, US, A, D, SavedDirty, NX and the PTE's pkey bits are not in pagemap (it has
 *   no write bit; soft-dirty is off here; bit 56 "exclusively mapped" is not a PTE
 *   bit, and the frame sharing it reflects is already in `frame`).
 * - a guard marker: PM_GUARD_REGION, no frame.
 * - the frame: its PFN, or the zero page; canonicalize() turned PFNs into sharing.
 */
function observePte(p: PteState): PteState {
  if (p.guard) return observeGuard(p);
  const bits = p.bits & PRESENT_OR_PROTNONE ? PTE_PRESENT : 0n;
  return bits === p.bits ? p : { ...p, bits };
}

function observeGuard(p: PteState): PteState {
  return p.bits === 0n && p.frame === null ? p : { addr: p.addr, bits: 0n, frame: null, guard: true };
}

/**
 * A page-table entry as the BPF walker shows it: the real PTE, so every bit a trace
 * keeps (PTE_OBSERVED_MASK: P RW US A D PROTNONE SavedDirty, the pkey bits, NX) is
 * compared as it is; a guard marker as pagemap shows it.
 */
function observePteExact(p: PteState): PteState {
  return p.guard ? observeGuard(p) : p;
}

/**
 * Per process, the kernel shows: alive, VMAs (start, end, prot, smaps flags,
 * ProtectionKey), PTEs (above), brk (brk(0)) and PKRU (RDPKRU; 0 without pkeys).
 * Masked:
 * - pkeys: the allocated-keys bitmap (mm->context.pkey_allocation_map) has no /proc
 *   file; pkey_alloc results show it indirectly.
 * - ssp, shstk: shadow stacks are unsupported on the kernels here.
 */
function observeProc(p: ProcState, pte: (p: PteState) => PteState = observePte): ProcState {
  return {
    pid: p.pid,
    alive: p.alive,
    vmas: p.vmas.map(observeVma),
    ptes: p.ptes.map(pte),
    brk: p.brk,
    pkru: p.pkru,
    pkeys: 0,
    ssp: 0n,
    shstk: 0,
  };
}

/** The part of a state the live kernel can show without PTE bits (contents are shown as they are). */
export function observable(state: State): State {
  return { processes: state.processes.map((p) => observeProc(p)), contents: state.contents };
}

/** The part of a state the live kernel can show with its PTE walker: PTE bits exact. */
export function observableWithPtes(state: State): State {
  return { processes: state.processes.map((p) => observeProc(p, observePteExact)), contents: state.contents };
}

/** A trace with its state projected through observable(); results are shown as they are. */
export function observeTrace(t: Trace): Trace {
  return { ...t, state: observable(t.state) };
}

/** A trace with its state projected through observableWithPtes(). */
export function observeTraceWithPtes(t: Trace): Trace {
  return { ...t, state: observableWithPtes(t.state) };
}

/** The observer of a kernel target that can (pteBits) or cannot read real PTEs. */
export function kernelObserver(caps: { readonly pteBits: boolean }): (t: Trace) => Trace {
  return caps.pteBits ? observeTraceWithPtes : observeTrace;
}

/** The PTE bits an observer keeps of `bits` (a present entry): how an assertion about them projects. */
export function observedPteBits(observe: (t: Trace) => Trace, bits: bigint): bigint {
  const pte: PteState = { addr: 0n, bits, frame: 0 };
  const proc: ProcState = { pid: 0, alive: true, vmas: [], ptes: [pte], brk: 0n, pkru: 0, pkeys: 0, ssp: 0n, shstk: 0 };
  return observe({ results: [], state: { processes: [proc], contents: [] } }).state.processes[0].ptes[0].bits;
}
