// Traces: what running a program on a target yields (DESIGN.md "Traces").
// Targets report a RawState with their own frame numbers; canonicalize() renumbers
// frames in order of first appearance so two allocators compare equal when their
// sharing is equal.

import type { Result } from './result.js';

export interface VmaState {
  readonly start: bigint;
  readonly end: bigint;
  /** PROT_READ|PROT_WRITE|PROT_EXEC of the VMA. */
  readonly prot: number;
  /** VMF bits (abi/vmflags.ts). */
  readonly flags: number;
  readonly pkey: number;
}

/** A frame reference: a target's own frame number, 'Z' for the shared zero page, null for none. */
export type FrameRef = number | 'Z' | null;

export interface PteState {
  readonly addr: bigint;
  /** The PTE with the PFN field cleared, masked to PTE_OBSERVED_MASK. */
  readonly bits: bigint;
  readonly frame: FrameRef;
  /** A PTE_MARKER_GUARD entry (MADV_GUARD_INSTALL): not present, no frame. */
  readonly guard?: boolean;
}

export interface ProcState {
  readonly pid: number;
  readonly alive: boolean;
  readonly vmas: readonly VmaState[];
  readonly ptes: readonly PteState[];
  readonly brk: bigint;
  readonly pkru: number;
  /** Bitmap of allocated protection keys (bit k = key k). */
  readonly pkeys: number;
  /** Shadow-stack pointer (0 when shadow stacks are off). */
  readonly ssp: bigint;
  /** ARCH_SHSTK_* features enabled (bit 0 SHSTK, bit 1 WRSS). */
  readonly shstk: number;
  /**
   * On a machine with THP only: the start of each 2 MiB block that has a PTE table, in
   * address order. Whether a block's PMD is none decides whether a fault there maps a huge
   * page, so a table one target kept and the other freed is a difference of its own, seen
   * where it arises rather than at the fault that later shows it.
   */
  readonly ptTables?: readonly bigint[];
}

/** Non-zero 8-byte words of a frame: [byte offset (multiple of 8), value]. */
export type FrameWords = ReadonlyArray<readonly [number, bigint]>;

export interface RawState {
  readonly processes: readonly ProcState[];
  /** Non-zero aligned words of one of the target's frames. */
  content(frame: number): FrameWords;
}

export interface State {
  readonly processes: readonly ProcState[];
  /** Contents of canonical frames that are not all zero, by canonical id. */
  readonly contents: ReadonlyArray<{ readonly frame: number; readonly words: FrameWords }>;
}

export interface Crash {
  readonly op: number;
  readonly message: string;
}

export interface Trace {
  readonly results: readonly Result[];
  readonly state: State;
  /** Set when the target threw: results stop before `op`. */
  readonly crash?: Crash;
  /** Set when the target could not run the program (an op or machine it does not support): never a divergence. */
  readonly unsupported?: string;
}

/**
 * Frame numbers in order of first appearance, for a target's snapshot that meets pages in
 * canonical order (processes by pid, pages by address): the numbers it reports are then
 * canonicalize()'s own, which keeps the target's lists instead of copying every page.
 */
export class FrameNumbering {
  private readonly ids = new Map<number, number>();
  /** The target's frame behind each number. */
  readonly frames: number[] = [];
  of(frame: number): number {
    let id = this.ids.get(frame);
    if (id === undefined) {
      id = this.frames.length;
      this.ids.set(frame, id);
      this.frames.push(frame);
    }
    return id;
  }
}

/** Renumber frames in order of first appearance (processes by pid, pages by address). */
export function canonicalize(raw: RawState): State {
  const ids = new Map<number, number>();
  const processes = sortedBy(raw.processes, (a, b) => a.pid - b.pid).map((p) => {
    // a target reports its pages in address order; a copy is sorted only when one does not
    const src = sortedBy(p.ptes, (a, b) => (a.addr < b.addr ? -1 : a.addr > b.addr ? 1 : 0));
    let ptes: PteState[] | null = null; // a copy only once a number changes
    for (let i = 0; i < src.length; i++) {
      const pte = src[i];
      if (typeof pte.frame !== 'number') {
        if (ptes) ptes[i] = pte;
        continue;
      }
      let id = ids.get(pte.frame);
      if (id === undefined) {
        id = ids.size;
        ids.set(pte.frame, id);
      }
      if (id === pte.frame && !ptes) continue;
      ptes ??= src.slice(0, i);
      // a literal, not a spread: this runs for every page of every trace
      ptes[i] = id === pte.frame ? pte : pte.guard ? { ...pte, frame: id } : { addr: pte.addr, bits: pte.bits, frame: id };
    }
    return ptes ? { ...p, ptes } : src === p.ptes ? p : { ...p, ptes: src };
  });
  const contents: Array<{ frame: number; words: FrameWords }> = [];
  for (const [rawFrame, id] of ids) {
    const words = sortedBy(raw.content(rawFrame), (a, b) => a[0] - b[0]);
    if (words.length) contents.push({ frame: id, words });
  }
  return { processes, contents };
}

/** `xs` itself when already in order, else a sorted copy. */
function sortedBy<T>(xs: readonly T[], cmp: (a: T, b: T) => number): readonly T[] {
  for (let i = 1; i < xs.length; i++) if (cmp(xs[i - 1], xs[i]) > 0) return [...xs].sort(cmp);
  return xs;
}
