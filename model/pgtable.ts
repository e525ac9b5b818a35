// Installing a page-table entry (mm/memory.c: set_pte_at after __pte_alloc): the PTE
// takes a reference on its frame, and the PTE table of its 2 MiB block exists from then
// on (a huge page fault needs the block's PMD to be none: model/thp.ts).

import type { Mm, Pte } from './mm.js';

/** Install a PTE at a page, taking a reference on its frame. */
export function setPte(mm: Mm, page: bigint, pte: Pte): void {
  if (pte.frame) pte.frame.mapcount++;
  mm.ptes.set(page, pte);
  // mm/memory.c: __pte_alloc — the block's PTE table
  mm.pteTables.add(page >> 9n);
}

/** The pages with a PTE in [start, end), in address order. */
export function ptePagesInRange(mm: Mm, start: bigint, end: bigint): bigint[] {
  const lo = start >> 12n;
  const hi = (end + 0xfffn) >> 12n;
  const out: bigint[] = [];
  for (const page of mm.ptes.keys()) if (page >= lo && page < hi) out.push(page);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
