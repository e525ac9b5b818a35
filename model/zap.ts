// Removing page-table entries (mm/memory.c: zap_pte_range, zap_nonpresent_ptes)
// and installing/dropping frame references.
//
// A zapped present PTE drops its frame's mapcount; a frame nothing references is
// freed. Guard markers survive a zap unless the caller drops markers
// (ZAP_FLAG_DROP_MARKER: munmap / exit); MADV_DONTNEED, MADV_REMOVE and the zap of
// MADV_GUARD_INSTALL keep them.

import { maybeFreeFrame, type Kernel, type Mm, type Pte } from './mm.js';
import { ptePagesInRange } from './pgtable.js';
import { reclaimEmptyPteTables, zapHugePmds } from './thp.js';

export { ptePagesInRange };

export interface ZapOptions {
  /** ZAP_FLAG_DROP_MARKER: also clear guard markers (unmap_vmas on munmap/exit). */
  dropMarkers: boolean;
  /** zap_details.reclaim_pt (MADV_DONTNEED, CONFIG_PT_RECLAIM): free a whole block's PTE table left empty. */
  reclaimPt?: boolean;
}

/** Drop the frame reference a PTE holds. */
export function ptePutFrame(k: Kernel, pte: Pte): void {
  if (!pte.frame) return;
  pte.frame.mapcount--;
  maybeFreeFrame(k, pte.frame);
}

export { setPte } from './pgtable.js';

/** Clear one PTE (pte_clear), dropping its frame reference. */
export function clearPte(k: Kernel, mm: Mm, page: bigint): void {
  const pte = mm.ptes.get(page);
  if (!pte) return;
  // mm/memory.c: zap_present_folio_ptes — a dirty PTE of a page-cache folio dirties the folio
  if (pte.frame && !pte.frame.anon && (pte.dirty || pte.savedDirty)) pte.frame.dirty = true;
  ptePutFrame(k, pte);
  mm.ptes.delete(page);
}

/** mm/memory.c: zap_page_range_single / unmap_vmas over [start, end). */
export function zapRange(k: Kernel, mm: Mm, start: bigint, end: bigint, opts: ZapOptions): void {
  // mm/memory.c: zap_pmd_range — huge PMDs first (zapped whole, or split when covered in part)
  zapHugePmds(k, mm, start, end);
  for (const page of ptePagesInRange(mm, start, end)) {
    const pte = mm.ptes.get(page)!;
    // mm/memory.c: zap_nonpresent_ptes — guard markers are only removed with ZAP_FLAG_DROP_MARKER
    if (pte.guard && !opts.dropMarkers) continue;
    clearPte(k, mm, page);
  }
  if (opts.reclaimPt) reclaimEmptyPteTables(k, mm, start, end);
}
