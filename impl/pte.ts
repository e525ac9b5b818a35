// The x86-64 PTE as two u32 words (lo = bits 0..31, hi = bits 32..63), with the
// bit positions of abi/constants.ts PTE_BIT. Every packed field of a leaf entry is
// defined here and read or written only through these helpers
// (arch/x86/include/asm/pgtable.h, pgtable_types.h).

import { PTE_BIT } from '../abi/constants.js';

const lo = (b: number): number => (b < 32 ? (1 << b) >>> 0 : 0);
const hi = (b: number): number => (b >= 32 ? (1 << (b - 32)) >>> 0 : 0);

export const P = lo(PTE_BIT.P);
export const RW = lo(PTE_BIT.RW);
export const US = lo(PTE_BIT.US);
export const A = lo(PTE_BIT.A);
export const D = lo(PTE_BIT.D);
/** _PAGE_PROTNONE: bit 8 while P=0 (it is _PAGE_GLOBAL when present, never set for user pages). */
export const PROTNONE = lo(PTE_BIT.PROTNONE);
/** _PAGE_PSE: bit 7 of a PMD leaf (a huge page). A leaf table standing for a huge PMD (impl/thp.ts)
 * holds the PMD's bits, PSE included, in each of its 512 entries, each with its own 4K sub-frame. */
export const PSE = lo(PTE_BIT.PSE);
/** _PAGE_SPECIAL: zero-page / pfn mappings (no struct page refcount). */
export const SPECIAL = lo(PTE_BIT.SPECIAL);
export const SD_HI = hi(PTE_BIT.SAVED_DIRTY);
export const NX_HI = hi(PTE_BIT.NX);
const PKEY_SHIFT_HI = PTE_BIT.PKEY0 - 32;
export const PKEY_HI = (0xf << PKEY_SHIFT_HI) >>> 0;

/** PFN field: bits 12..51 = lo bits 12..31 (20 bits) and hi bits 0..19 (20 bits). */
const PFN_LO_MASK = 0xfffff000;
const PFN_HI_MASK = 0x000fffff;

/**
 * PTE_MARKER_GUARD stand-in: a non-present, non-protnone, non-zero swap-type entry.
 * Linux encodes swp_entry(SWP_PTE_MARKER, PTE_MARKER_GUARD); only "is it a guard
 * marker" is ever observed, so one fixed software-bit pattern suffices.
 */
export const GUARD_LO = 1 << 10;
export const GUARD_HI = 0;

export function isNone(l: number, h: number): boolean {
  return l === 0 && h === 0;
}
export function isGuard(l: number, h: number): boolean {
  return l === GUARD_LO && h === GUARD_HI;
}
/** pte_present(): P or PROTNONE (x86). */
export function isPresentish(l: number): boolean {
  return (l & (P | PROTNONE)) !== 0;
}

/** pte_pfn(): the PFN is stored inverted in non-present (protnone) entries (L1TF, protnone_mask). */
export function pfnOf(l: number, h: number): number {
  if ((l & P) === 0) {
    l = ~l;
    h = ~h;
  }
  return ((l & PFN_LO_MASK) >>> 12) + (h & PFN_HI_MASK) * 0x100000;
}

/** Replace the PFN of (l, h) by pfn, inverting it when the entry is not present. */
export function withPfnLo(l: number, pfn: number): number {
  let f = (pfn % 0x100000) << 12;
  if ((l & P) === 0) f = ~f;
  return ((l & ~PFN_LO_MASK) | (f & PFN_LO_MASK)) >>> 0;
}
export function withPfnHi(l: number, h: number, pfn: number): number {
  let f = Math.floor(pfn / 0x100000);
  if ((l & P) === 0) f = ~f;
  return ((h & ~PFN_HI_MASK) | (f & PFN_HI_MASK)) >>> 0;
}

export function pkeyOf(h: number): number {
  return (h >>> PKEY_SHIFT_HI) & 0xf;
}

/**
 * vm_get_page_prot(): protection_map[] (arch/x86/mm/pgprot.c) plus the pkey bits.
 * Private writable mappings get no RW (COW: the write fault sets it).
 * Returns the lo word; protHi() the hi word.
 */
export function protLo(prot: number, shared: boolean): number {
  if ((prot & 7) === 0) return PROTNONE | A; // PAGE_NONE
  let l = P | US | A;
  if (shared && prot & 2) l |= RW; // PAGE_SHARED / PAGE_SHARED_EXEC
  return l >>> 0;
}
export function protHi(prot: number, pkey: number): number {
  let h = (pkey << PKEY_SHIFT_HI) >>> 0;
  if ((prot & 7) !== 0 && (prot & 4) === 0) h |= NX_HI; // no VM_EXEC → NX
  return h >>> 0;
}

// --- the dirty-bit helpers. The Dirty→SavedDirty shift is unconditional on x86-64
// (docs/conventions.md): a W=0 PTE keeps its dirtiness in SavedDirty (bit 58).

/** mksaveddirty_shift on the (lo, hi) pair, returning the new hi (lo via clearing D). */
export function saveDirtyHi(l: number, h: number): number {
  if ((l & RW) === 0 && (l & D) !== 0) return (h | SD_HI) >>> 0;
  return h;
}
export function saveDirtyLo(l: number): number {
  if ((l & RW) === 0) return (l & ~D) >>> 0;
  return l;
}
/** clear_saveddirty_shift: if W=1 move SavedDirty → D. */
export function restoreDirtyLo(l: number, h: number): number {
  if ((l & RW) !== 0 && (h & SD_HI) !== 0) return (l | D) >>> 0;
  return l;
}
export function restoreDirtyHi(l: number, h: number): number {
  if ((l & RW) !== 0) return (h & ~SD_HI) >>> 0;
  return h;
}
/** pte_mkdirty() of an RW=0 entry: D goes to SavedDirty (mksaveddirty_shift), hi word. */
export function mkdirtyRoHi(h: number): number {
  return (h | SD_HI) >>> 0;
}
/** pte_shstk(): a shadow-stack PTE, RW=0 with D=1 (only ever present in a VM_SHADOW_STACK VMA). */
export function isShstk(l: number): boolean {
  return (l & (RW | D)) === D;
}
/** pte_write(): RW, or a shadow-stack PTE (logically writable). */
export function isWrite(l: number): boolean {
  return (l & RW) !== 0 || (l & (RW | D)) === D;
}
/**
 * pte_mkwrite(pte_mkdirty(pte), vma) of a fault that maps a page writable (do_anonymous_page,
 * wp_page_copy, wp_page_reuse) on an entry with RW=0, lo word: pte_mkdirty sets D and, W being 0,
 * moves it to SavedDirty; then pte_mkwrite_novma sets RW and moves SavedDirty back to D, while
 * for a VM_SHADOW_STACK VMA pte_mkwrite_shstk clears RW and sets D (SavedDirty stays).
 */
export function mkwriteLo(l: number, shstk: boolean): number {
  return (shstk ? (l & ~RW) | D : l | RW | D) >>> 0;
}
/** ... and the hi word: SavedDirty set for a shadow-stack PTE, clear otherwise. */
export function mkwriteHi(h: number, shstk: boolean): number {
  return (shstk ? h | SD_HI : h & ~SD_HI) >>> 0;
}
/** pte_dirty(): D or SavedDirty. */
export function isDirty(l: number, h: number): boolean {
  return (l & D) !== 0 || (h & SD_HI) !== 0;
}

/** _PAGE_CHG_MASK bits of the lo word kept by pte_modify (PFN, A, D, SPECIAL, PCD/PWT, soft-dirty). */
const CHG_LO = (PFN_LO_MASK | A | D | SPECIAL | (1 << 3) | (1 << 4) | (1 << 11)) >>> 0;
/** ... and of the hi word (PFN high bits, SavedDirty). */
const CHG_HI = (PFN_HI_MASK | SD_HI) >>> 0;
/** The lo bits pte_modify keeps. */
const KEEP_LO = CHG_LO;

/**
 * pte_modify(pte, newprot) (mprotect): keep PFN/A/D/SD/SPECIAL, take P/RW/US/PROTNONE/
 * PKEY/NX from newprot, re-invert the PFN when presence flips, then the dirty shift:
 * old W=1 → mksaveddirty, else clear_saveddirty. Writes the result to out[0], out[1].
 */
export function modify(l: number, h: number, nl: number, nh: number, out: Uint32Array | number[]): void {
  const pfn = pfnOf(l, h);
  let rl = ((l & KEEP_LO) | (nl & ~KEEP_LO)) >>> 0;
  let rh = ((h & CHG_HI) | (nh & ~CHG_HI)) >>> 0;
  rh = withPfnHi(rl, rh, pfn);
  rl = withPfnLo(rl, pfn);
  if (l & RW) {
    rh = saveDirtyHi(rl, rh);
    rl = saveDirtyLo(rl);
  } else {
    const l2 = restoreDirtyLo(rl, rh);
    rh = restoreDirtyHi(rl, rh);
    rl = l2;
  }
  out[0] = rl;
  out[1] = rh;
}

/** mk_pte(pfn, prot) for a present or protnone entry. */
export function mkLo(pfn: number, protL: number): number {
  return withPfnLo(protL, pfn);
}
export function mkHi(pfn: number, protL: number, protH: number): number {
  return withPfnHi(protL, protH, pfn);
}

/** Observed bits of an entry (for snapshots): P RW US A D PSE PROTNONE | SD PKEY NX; PFN cleared. */
export const OBS_LO = (P | RW | US | A | D | PSE | PROTNONE) >>> 0;
export const OBS_HI = (SD_HI | PKEY_HI | NX_HI) >>> 0;
