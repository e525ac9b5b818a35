// The huge PMD and its large folio as the page table and frames hold them (impl/thp.ts
// has the operations): the per-folio mapping state, and the two PMD primitives the VMA
// lifecycle in impl/kernel.ts needs — splitting a PMD (a VMA boundary inside it) and
// zapping it. No import of impl/kernel.ts: it uses them.

import { NotModelled } from '../abi/budget.js';
import { objectBytes } from './bytes.js';
import { VMF } from '../abi/vmflags.js';
import { F_DIRTY, type Frames, ZERO_FRAME } from './frames.js';
import type { PageTable } from './pagetable.js';
import * as pte from './pte.js';
import { pkeyOfFlags, protOf } from './vma.js';

/** HPAGE_PMD_NR. */
export const HPAGE = 512;

/** A large folio's mapping state (the ids are process numbers; -1 = MM_ID_DUMMY). */
interface Folio {
  maps: number;
  id0: number;
  c0: number;
  id1: number;
  c1: number;
  shared: boolean;
}

export class Folios {
  private readonly all = new Map<number, Folio>();
  private next = 1;

  create(): number {
    const id = this.next++;
    this.all.set(id, { maps: 0, id0: -1, c0: 0, id1: -1, c1: 0, shared: false });
    return id;
  }

  /** folio_large_mapcount() (= folio_ref_count() here). */
  mapcount(id: number): number {
    return this.all.get(id)?.maps ?? 0;
  }

  /** folio_add_large_mapcount(folio, n, vma of mm). */
  add(id: number, mm: number, n: number): void {
    const f = this.all.get(id);
    if (!f) return;
    f.maps += n;
    if (f.id0 === mm) f.c0 += n;
    else if (f.id1 === mm) f.c1 += n;
    else if (f.id0 === -1) {
      f.id0 = mm;
      f.c0 = n;
      if (f.maps !== n) f.shared = true; // other mappings already
    } else if (f.id1 === -1) {
      f.id1 = mm;
      f.c1 = n;
      f.shared = true;
    }
  }

  /** folio_sub_large_mapcount(folio, n, vma of mm): a freed slot lets the folio turn exclusive again. */
  sub(id: number, mm: number, n: number): void {
    const f = this.all.get(id);
    if (!f) return;
    f.maps -= n;
    if (f.maps <= 0) {
      this.all.delete(id);
      return;
    }
    if (f.id0 === mm) {
      f.c0 -= n;
      if (f.c0 > 0) return;
      f.id0 = -1;
      f.c0 = 0;
    } else if (f.id1 === mm) {
      f.c1 -= n;
      if (f.c1 > 0) return;
      f.id1 = -1;
      f.c1 = 0;
    }
    if (f.c0 === f.maps || f.c1 === f.maps) f.shared = false;
  }

  /** The folio was split into small folios (__folio_split): no large folio any more. */
  drop(id: number): void {
    this.all.delete(id);
  }

  /** folio_maybe_mapped_shared(): more than one mapping and the MM_IDS shared bit. */
  maybeShared(id: number): boolean {
    const f = this.all.get(id);
    return f !== undefined && f.maps > 1 && f.shared;
  }

  /** __wp_can_reuse_large_anon_folio(): more than one page mapped, all by this MM alone. */
  canReuse(id: number): boolean {
    const f = this.all.get(id);
    return f !== undefined && f.maps > 1 && !f.shared;
  }

  get count(): number {
    return this.all.size;
  }

  /** Bytes held (impl/bytes.ts): the map's entries (a record of six fields each) and the object. */
  bytes(): number {
    return objectBytes(2) + this.all.size * (16 + objectBytes(6));
  }
}

/** The huge leaf table at vpn's block in the tree rooted at pgd, or -1. */
export function hugeAt(pt: PageTable, pgd: number, vpn: number): number {
  const t = pt.leafOf(pgd, vpn);
  return t >= 0 && pt.leafHuge[t] ? t : -1;
}

/**
 * __split_huge_pmd_locked() without freeze, of huge table t mapped by process pid in a VMA
 * with flags fl: the
 * deposited table gets 512 PTEs mk_pte(page + i, vm_page_prot), then pte_mkwrite if the PMD
 * was writable, pte_mkold if it was old, pte_mkdirty if it was dirty (SavedDirty when RW=0);
 * a dirty PMD makes the folio dirty (folio_set_dirty).
 * The huge zero page splits into 4K zero-page PTEs from vm_page_prot
 * (__split_huge_zero_page_pmd). The folio gains 511 mappings (512 PTEs for one PMD).
 */
export function splitHuge(pt: PageTable, fr: Frames, folios: Folios, pid: number, t: number, fl: number): void {
  const L = pt.L;
  const pl = pte.protLo(protOf(fl), false);
  const ph = pte.protHi(protOf(fl), pkeyOfFlags(fl));
  const s0 = t * HPAGE;
  const l0 = L[2 * s0];
  const h0 = L[2 * s0 + 1];
  pt.leafHuge[t] = 0;
  if (pte.pfnOf(l0, h0) === ZERO_FRAME) {
    const l = (pte.mkLo(ZERO_FRAME, pl) | pte.SPECIAL) >>> 0;
    const h = pte.mkHi(ZERO_FRAME, pl, ph);
    for (let s = s0; s < s0 + HPAGE; s++) {
      L[2 * s] = l;
      L[2 * s + 1] = h;
    }
    return;
  }
  let el = pl;
  let eh = ph;
  if (pte.isWrite(l0)) {
    if (fl & VMF.SHADOW_STACK) throw new NotModelled('splitting a shadow-stack PMD');
    el = (el | pte.RW) >>> 0; // pte_mkwrite_novma
  }
  if (!(l0 & pte.A)) el = (el & ~pte.A) >>> 0;
  const dirty = pte.isDirty(l0, h0);
  if (dirty) {
    if (el & pte.RW) el = (el | pte.D) >>> 0;
    else eh = pte.mkdirtyRoHi(eh);
  }
  for (let s = s0; s < s0 + HPAGE; s++) {
    const f = pte.pfnOf(L[2 * s], L[2 * s + 1]);
    L[2 * s] = pte.mkLo(f, el);
    L[2 * s + 1] = pte.mkHi(f, el, eh);
    if (dirty) fr.flags[f] |= F_DIRTY; // folio_set_dirty(): its pages stay dirty through a folio split
  }
  const id = fr.folio[pte.pfnOf(l0, h0)];
  folios.add(id, pid, HPAGE);
  folios.sub(id, pid, 1);
}

/** zap_huge_pmd(): the PMD goes with its deposited table (pmd_none); the folio loses a mapping. */
export function zapHuge(pt: PageTable, fr: Frames, folios: Folios, pid: number, t: number): void {
  const s0 = t * HPAGE;
  const f0 = pte.pfnOf(pt.L[2 * s0], pt.L[2 * s0 + 1]);
  if (f0 !== ZERO_FRAME) folios.sub(fr.folio[f0], pid, 1);
  for (let s = s0; s < s0 + HPAGE; s++) {
    const f = pte.pfnOf(pt.L[2 * s], pt.L[2 * s + 1]);
    if (f !== ZERO_FRAME) fr.put(f);
    pt.set(s, 0, 0);
  }
  pt.leafHuge[t] = 0;
  pt.dropThis = true;
}

