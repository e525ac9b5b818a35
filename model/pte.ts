// x86-64 PTE helpers (arch/x86/include/asm/pgtable.h, pgtable_types.h,
// arch/x86/mm/pgprot.c, arch/x86/mm/pgtable.c).
//
// vm_get_page_prot(vm_flags) -> the protection bits a new PTE of a VMA gets:
//   private: NONE -> PROTNONE|A;  R, W, RW -> P|US|A|NX;  X, RX, WX, RWX -> P|US|A
//   shared:  NONE -> PROTNONE|A;  R -> P|US|A|NX;  W, RW -> P|RW|US|A|NX;  X, RX -> P|US|A;  WX, RWX -> P|RW|US|A
//   plus the VMA's pkey in bits 59-62.
// The "Dirty -> SavedDirty" shift is unconditional on x86-64 (docs/conventions.md):
// a PTE with RW=0 keeps its dirtiness in SavedDirty (bit 58), never in D — except a
// shadow-stack PTE (SEMANTICS §10.5): RW=0 D=1, made only by pte_mkwrite() in a
// VM_SHADOW_STACK VMA. vm_get_page_prot has no shadow-stack case: a shadow-stack VMA
// (VM_READ|VM_WRITE, private) gets PAGE_COPY like any private writable VMA.

import { PROT, PTE_BIT, VMF } from '../abi/index.js';
import type { Frame, Pte, Vma } from './mm.js';

/** The protection part of a PTE: what vm_get_page_prot() yields for a VMA. */
interface PageProt {
  present: boolean;
  rw: boolean;
  user: boolean;
  accessed: boolean;
  protnone: boolean;
  nx: boolean;
  pkey: number;
}

/** arch/x86/mm/pgprot.c: protection_map[] indexed by VM_READ|VM_WRITE|VM_EXEC|VM_SHARED, plus pkey bits. */
export function vmGetPageProt(vma: Vma): PageProt {
  const r = (vma.prot & PROT.READ) !== 0;
  const w = (vma.prot & PROT.WRITE) !== 0;
  const x = (vma.prot & PROT.EXEC) !== 0;
  // VM_SHARED (vma.ts: vmaIsShared; not imported, so that vma.ts may use these helpers)
  const shared = (vma.flags & VMF.SHARED) !== 0;
  // arch/x86/mm/pgprot.c: PAGE_NONE = _PAGE_PROTNONE | _PAGE_ACCESSED, not present
  if (!r && !w && !x) {
    return { present: false, rw: false, user: false, accessed: true, protnone: true, nx: false, pkey: vma.pkey };
  }
  return {
    present: true,
    // private writable maps are PAGE_COPY (no RW): the write fault sets RW (COW)
    rw: shared && w,
    user: true,
    accessed: true,
    protnone: false,
    nx: !x,
    // arch/x86/mm/pgprot.c: vm_get_page_prot — VM_PKEY_BIT0..3 -> _PAGE_PKEY_BIT0..3
    pkey: vma.pkey,
  };
}

/** mk_pte(page, vma->vm_page_prot): a fresh PTE for a frame (or the zero page) in a VMA. */
export function mkPte(vma: Vma, frame: Frame | null): Pte {
  const p = vmGetPageProt(vma);
  return {
    frame,
    zeroPage: frame === null,
    guard: false,
    present: p.present,
    rw: p.rw,
    user: p.user,
    accessed: p.accessed,
    dirty: false,
    protnone: p.protnone,
    savedDirty: false,
    pkey: p.pkey,
    nx: p.nx,
  };
}

/** make_pte_marker(PTE_MARKER_GUARD): a non-present entry with no frame. */
export function mkGuardMarker(): Pte {
  return {
    frame: null,
    zeroPage: false,
    guard: true,
    present: false,
    rw: false,
    user: false,
    accessed: false,
    dirty: false,
    protnone: false,
    savedDirty: false,
    pkey: 0,
    nx: false,
  };
}

/** pte_present(): P or PROTNONE (a PROT_NONE page still maps its frame). */
export function ptePresent(pte: Pte): boolean {
  return !pte.guard && (pte.present || pte.protnone);
}

/** mksaveddirty_shift(): if RW=0, move D into SavedDirty. */
function mksaveddirtyShift(pte: Pte): void {
  if (!pte.rw && pte.dirty) {
    pte.savedDirty = true;
    pte.dirty = false;
  }
}

/** clear_saveddirty_shift(): if RW=1, move SavedDirty into D. */
function clearSaveddirtyShift(pte: Pte): void {
  if (pte.rw && pte.savedDirty) {
    pte.dirty = true;
    pte.savedDirty = false;
  }
}

/** pte_dirty(): D or SavedDirty. */
export function pteDirty(pte: Pte): boolean {
  return pte.dirty || pte.savedDirty;
}

/** pte_mkdirty(): set D (soft-dirty too), then mksaveddirty_shift. */
export function pteMkdirty(pte: Pte): void {
  pte.dirty = true;
  mksaveddirtyShift(pte);
}

/** pte_mkclean(): clear D and SavedDirty (_PAGE_DIRTY_BITS). */
export function pteMkclean(pte: Pte): void {
  pte.dirty = false;
  pte.savedDirty = false;
}

/**
 * arch/x86/include/asm/pgtable.h: pte_shstk — (RW|D) == D. It does not test _PAGE_PRESENT:
 * a PROT_NONE entry that was a shadow-stack PTE (D kept by pte_modify) counts too, so fork
 * write-protects it (D -> SavedDirty). (The kernel also tests cpu_feature_enabled(X86_FEATURE_SHSTK);
 * without it no entry has RW=0 D=1.) The CPU's own shadow-stack check needs P=1 as well (cpu.ts).
 */
export function pteShstk(pte: Pte): boolean {
  return !pte.guard && !pte.rw && pte.dirty;
}

/** arch/x86/include/asm/pgtable.h: pte_write — RW, or a shadow-stack PTE (logically writable). */
export function pteWrite(pte: Pte): boolean {
  return pte.rw || pteShstk(pte);
}

/** pte_mkold(). */
export function pteMkold(pte: Pte): void {
  pte.accessed = false;
}

/** pte_mkyoung(). */
export function pteMkyoung(pte: Pte): void {
  pte.accessed = true;
}

/** pte_wrprotect(): clear RW, then mksaveddirty_shift (D -> SavedDirty). */
export function pteWrprotect(pte: Pte): void {
  pte.rw = false;
  mksaveddirtyShift(pte);
}

/**
 * arch/x86/mm/pgtable.c: pte_mkwrite(pte, vma) — in a VM_SHADOW_STACK VMA
 * pte_mkwrite_shstk (clear RW, set D: a shadow-stack PTE; SavedDirty is left as it is,
 * so a PTE that went through pte_mkdirty first keeps SavedDirty=1 too); otherwise
 * pte_mkwrite_novma (set RW) then pte_clear_saveddirty (SavedDirty -> D).
 */
export function pteMkwrite(pte: Pte, vma: Vma): void {
  if (vma.flags & VMF.SHADOW_STACK) {
    // arch/x86/include/asm/pgtable.h: pte_mkwrite_shstk
    pte.rw = false;
    pte.dirty = true;
    return;
  }
  pte.rw = true;
  clearSaveddirtyShift(pte);
}

/** include/linux/mm.h: maybe_mkwrite — pte_mkwrite only if the VMA has VM_WRITE. */
export function maybeMkwrite(pte: Pte, vma: Vma): void {
  if (vma.prot & PROT.WRITE) pteMkwrite(pte, vma);
}

/**
 * arch/x86/include/asm/pgtable.h: pte_modify — keep _PAGE_CHG_MASK (PFN, A, D,
 * SavedDirty, SPECIAL), take P/RW/US/PROTNONE/PKEY/NX from the new protection; then
 * if the old PTE was writable shift D -> SavedDirty, else shift SavedDirty -> D.
 */
export function pteModify(pte: Pte, vma: Vma): void {
  const oldRw = pte.rw;
  const p = vmGetPageProt(vma);
  pte.present = p.present;
  pte.rw = p.rw;
  pte.user = p.user;
  pte.protnone = p.protnone;
  pte.nx = p.nx;
  pte.pkey = p.pkey;
  if (oldRw) mksaveddirtyShift(pte);
  else clearSaveddirtyShift(pte);
}

/** The PTE as the 64-bit x86 value with the PFN cleared (abi PTE_OBSERVED_MASK bits only). */
export function pteBits(pte: Pte): bigint {
  if (pte.guard) return 0n;
  // two 32-bit halves made one BigInt at the end: this runs for every page of every snapshot
  let lo = 0;
  let hi = 0;
  const set = (bit: number) => (bit < 32 ? (lo |= 1 << bit) : (hi |= 1 << (bit - 32)));
  if (pte.present) set(PTE_BIT.P);
  if (pte.rw) set(PTE_BIT.RW);
  if (pte.user) set(PTE_BIT.US);
  if (pte.accessed) set(PTE_BIT.A);
  if (pte.dirty) set(PTE_BIT.D);
  // bit 8 is _PAGE_PROTNONE only while not present (_PAGE_GLOBAL is never set for user pages)
  if (pte.protnone && !pte.present) set(PTE_BIT.PROTNONE);
  if (pte.savedDirty) set(PTE_BIT.SAVED_DIRTY);
  for (let k = 0; k < 4; k++) if (pte.pkey & (1 << k)) set(PTE_BIT.PKEY0 + k);
  if (pte.nx) set(PTE_BIT.NX);
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}
