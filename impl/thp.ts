// Transparent huge pages of private anonymous memory on a thp=1 machine (sysfs `enabled` =
// madvise, use_zero_page = 1, only the PMD size): mm/huge_memory.c, mm/khugepaged.c and the
// PMD branches of mm/memory.c, mm/mprotect.c, mm/mremap.c, mm/madvise.c.
//
// A huge PMD is a leaf table with `leafHuge` set (impl/pagetable.ts) whose 512 entries all
// carry the PMD's bits (PSE included) and each its own 4K sub-frame (ZERO_FRAME for the huge
// zero page), so the CPU paths and the snapshot read them like PTEs; only A/D updates and
// the operations below must treat the 512 as one. The deposited page table is the leaf table
// itself: splitting turns the entries into PTEs in place, zapping the PMD frees the table
// (pmd_none again, so the next fault may be huge again).
//
// A THP is a large folio: 512 frames with the same `folio` id (impl/frames.ts). Each
// sub-frame's `ref` counts the mappings of that page (a PMD maps every page once), as for
// small pages; the folio itself keeps what the kernel decides with: its large mapcount
// (= its refcount: no pins, no swap cache here) and CONFIG_MM_ID's two per-MM slots and
// "maybe mapped shared" bit (include/linux/rmap.h folio_add_large_mapcount /
// folio_sub_large_mapcount), which the reuse of a PTE-mapped page on a write fault
// consults (mm/memory.c __wp_can_reuse_large_anon_folio).

import { NotModelled } from '../abi/budget.js';
import { VMF } from '../abi/vmflags.js';
import { F_DIRTY, F_EXCL, F_LAZY, ZERO_FRAME } from './frames.js';
import { HPAGE, splitHuge } from './hugepmd.js';
import type { Kernel, Proc } from './kernel.js';
import { anonPrepare } from './merge.js';
import * as pte from './pte.js';
import { F_WRITE, pkeyOfFlags, protOf } from './vma.js';

// ---------------------------------------------------------------- eligibility

/**
 * __handle_mm_fault() → thp_vma_allowable_order(TVA_PAGEFAULT) and thp_vma_suitable_order():
 * an anonymous VMA with VM_HUGEPAGE (enabled=madvise), not VM_NOHUGEPAGE nor
 * PR_SET_THP_DISABLE, holding the whole aligned block of vpn.
 */
export function faultAllowed(k: Kernel, r: number, vpn: number): boolean {
  const vp = k.vp;
  const fl = vp.fl[r];
  if (!k.thp || (fl & (VMF.HUGEPAGE | VMF.NOHUGEPAGE)) !== VMF.HUGEPAGE || !vp.isAnon(r)) return false;
  const base = vpn - (vpn % HPAGE);
  if (base < vp.vs[r] || base + HPAGE > vp.ve[r]) return false;
  if (fl & VMF.SHADOW_STACK) throw new NotModelled('THP in a shadow-stack VMA (pmd_mkwrite_shstk)');
  return true;
}

// ---------------------------------------------------------------- fault

/**
 * do_huge_pmd_anonymous_page(): a read maps the huge zero page (a special PMD from
 * vm_page_prot) unless the mm forbids the zero page (machine zeroPage=0, as this PVM guest);
 * otherwise map_anon_folio_pmd(): a zeroed exclusive folio, maybe_pmd_mkwrite(pmd_mkdirty())
 * — dirty even for a read (SavedDirty without VM_WRITE).
 */
export function hugeAnonFault(k: Kernel, mm: Proc, r: number, vpn: number, write: boolean): void {
  anonPrepare(k, mm, r); // vmf_anon_prepare
  const fl = k.vp.fl[r];
  const base = vpn - (vpn % HPAGE);
  const pl = (pte.protLo(protOf(fl), false) | pte.PSE) >>> 0;
  const ph = pte.protHi(protOf(fl), pkeyOfFlags(fl));
  const pt = k.pt;
  const s0 = pt.ensure(mm.pgd, base);
  const t = (s0 / HPAGE) | 0;
  pt.leafHuge[t] = 1;
  if (!write && k.zeroPage) {
    const l = (pte.mkLo(ZERO_FRAME, pl) | pte.SPECIAL) >>> 0;
    const h = pte.mkHi(ZERO_FRAME, pl, ph);
    for (let i = 0; i < HPAGE; i++) pt.set(s0 + i, l, h);
    return;
  }
  mapNewFolio(k, mm, fl, s0, pl, ph);
}

/** map_anon_folio_pmd(): a new zeroed exclusive folio under the PMD at slot s0. */
function mapNewFolio(k: Kernel, mm: Proc, fl: number, s0: number, pl: number, ph: number): void {
  const pt = k.pt;
  const fr = k.fr;
  const id = k.folios.create();
  const rw = (fl & F_WRITE) !== 0;
  for (let i = 0; i < HPAGE; i++) {
    const f = fr.alloc(F_EXCL);
    fr.folio[f] = id;
    fr.sub[f] = i;
    const l = pte.mkLo(f, pl);
    const h = pte.mkHi(f, pl, ph);
    if (rw) pt.set(s0 + i, pte.mkwriteLo(l, false), pte.mkwriteHi(h, false));
    else pt.set(s0 + i, l, pte.mkdirtyRoHi(h));
  }
  k.folios.add(id, mm.pid, 1);
}

/** The hardware (or huge_pmd_set_accessed / touch_pmd) sets bits in the PMD: all 512 entries. */
export function touchHuge(k: Kernel, t: number, bits: number): void {
  const L = k.pt.L;
  for (let i = t * HPAGE, e = i + HPAGE; i < e; i++) L[2 * i] = (L[2 * i] | bits) >>> 0;
}

/** touch_pmd(write): pmd_mkyoung(pmd_mkdirty()) — D, or SavedDirty on a read-only PMD. */
export function dirtyHuge(k: Kernel, t: number): void {
  const L = k.pt.L;
  for (let s = t * HPAGE, e = s + HPAGE; s < e; s++) {
    const l = L[2 * s];
    if (l & pte.RW) L[2 * s] = (l | pte.A | pte.D) >>> 0;
    else {
      L[2 * s] = (l | pte.A) >>> 0;
      L[2 * s + 1] = pte.mkdirtyRoHi(L[2 * s + 1]);
    }
  }
}

/**
 * do_huge_pmd_wp_page(): a write to a write-protected PMD. The huge zero page is replaced by
 * a new zeroed THP (do_huge_zero_wp_pmd, 6.14+: map_anon_folio_pmd). A folio whose head is
 * PageAnonExclusive, or that only this PMD maps, is reused:
 * maybe_pmd_mkwrite(pmd_mkdirty(pmd_mkyoung())) (true); one mapped elsewhere too
 * (refcount > 1) is split and the fault falls back to the PTE (false).
 */
export function wpHuge(k: Kernel, mm: Proc, r: number, t: number): boolean {
  const pt = k.pt;
  const fr = k.fr;
  const s0 = t * HPAGE;
  const f0 = pte.pfnOf(pt.L[2 * s0], pt.L[2 * s0 + 1]);
  if (f0 === ZERO_FRAME) {
    const fl = k.vp.fl[r];
    const pl = (pte.protLo(protOf(fl), false) | pte.PSE) >>> 0;
    mapNewFolio(k, mm, fl, s0, pl, pte.protHi(protOf(fl), pkeyOfFlags(fl)));
    return true;
  }
  let reuse = false;
  {
    if (fr.flags[f0] & F_EXCL) reuse = true;
    else if (k.folios.mapcount(fr.folio[f0]) === 1) {
      reuse = true;
      for (let i = 0; i < HPAGE; i++) fr.flags[pte.pfnOf(pt.L[2 * (s0 + i)], pt.L[2 * (s0 + i) + 1])] |= F_EXCL;
    }
  }
  if (!reuse) {
    splitHuge(pt, fr, k.folios, mm.pid, t, k.vp.fl[r]);
    return false;
  }
  const rw = (k.vp.fl[r] & F_WRITE) !== 0;
  const L = pt.L;
  for (let s = s0; s < s0 + HPAGE; s++) {
    const l = (L[2 * s] | pte.A) >>> 0;
    if (rw) {
      L[2 * s] = pte.mkwriteLo(l, false);
      L[2 * s + 1] = pte.mkwriteHi(L[2 * s + 1], false);
    } else L[2 * s + 1] = pte.mkdirtyRoHi(L[2 * s + 1]); // pmd_mkdirty of RW=0: SavedDirty
  }
  return true;
}

// ---------------------------------------------------------------- split

// ---------------------------------------------------------------- whole-PMD operations

/**
 * change_huge_pmd(): pmd_modify() to the VMA's new protection (the _HPAGE_CHG_MASK keeps
 * PSE), then for MM_CP_TRY_CHANGE_WRITABLE pmd_mkwrite() when can_change_pmd_writable():
 * not protnone, a PageAnonExclusive folio (never the huge zero page).
 */
export function protectHuge(k: Kernel, t: number, nl: number, nh: number, tryWritable: boolean): void {
  const pt = k.pt;
  const L = pt.L;
  const o = k.o;
  const s0 = t * HPAGE;
  const l0 = L[2 * s0];
  const h0 = L[2 * s0 + 1];
  pte.modify(l0, h0, nl, nh, o);
  let rl = (o[0] | pte.PSE) >>> 0;
  let rh = o[1];
  if (tryWritable && !(rl & pte.RW) && rl & pte.P) {
    const f0 = pte.pfnOf(rl, rh);
    if (f0 !== ZERO_FRAME && k.fr.flags[f0] & F_EXCL) {
      rl = (rl | pte.RW) >>> 0;
      const l2 = pte.restoreDirtyLo(rl, rh);
      rh = pte.restoreDirtyHi(rl, rh);
      rl = l2;
    }
  }
  for (let s = s0; s < s0 + HPAGE; s++) {
    const f = pte.pfnOf(L[2 * s], L[2 * s + 1]);
    L[2 * s] = pte.withPfnLo(rl, f);
    L[2 * s + 1] = pte.withPfnHi(rl, rh, f);
  }
}

/**
 * copy_huge_pmd(): the child gets the PMD (and a deposited table); both are write-protected
 * (pmdp_set_wrprotect / pmd_wrprotect: Dirty → SavedDirty), the child's is old; the folio's
 * pages lose PageAnonExclusive (folio_try_dup_anon_rmap_pmd) and the folio gains a mapping.
 */
export function copyHuge(k: Kernel, src: Proc, dst: Proc, t: number, base: number): void {
  const pt = k.pt;
  const fr = k.fr;
  const s0 = t * HPAGE;
  const d0 = pt.ensure(dst.pgd, base);
  pt.leafHuge[(d0 / HPAGE) | 0] = 1;
  const L = pt.L; // after ensure: the pool may have grown
  const f0 = pte.pfnOf(L[2 * s0], L[2 * s0 + 1]);
  if (f0 !== ZERO_FRAME) k.folios.add(fr.folio[f0], dst.pid, 1);
  for (let i = 0; i < HPAGE; i++) {
    const s = s0 + i;
    let l = L[2 * s];
    let h = L[2 * s + 1];
    const f = pte.pfnOf(l, h);
    if (f !== ZERO_FRAME) {
      fr.get(f);
      fr.flags[f] &= ~F_EXCL;
    }
    if (pte.isWrite(l)) {
      l = (l & ~pte.RW) >>> 0;
      h = pte.saveDirtyHi(l, h);
      l = pte.saveDirtyLo(l);
      L[2 * s] = l;
      L[2 * s + 1] = h;
    }
    pt.set(d0 + i, (l & ~pte.A) >>> 0, h);
  }
}

/** The folio a huge table maps (0 for the huge zero page). */
function folioOf(k: Kernel, t: number): number {
  const s0 = t * HPAGE;
  const f0 = pte.pfnOf(k.pt.L[2 * s0], k.pt.L[2 * s0 + 1]);
  return f0 === ZERO_FRAME ? 0 : k.fr.folio[f0];
}

/** COLD, FREE and PAGEOUT leave a PMD alone when it maps the huge zero page or a folio another MM may map. */
export function hugeLeftAlone(k: Kernel, t: number): boolean {
  const id = folioOf(k, t);
  return id === 0 || k.folios.maybeShared(id);
}

/**
 * split_folio() of the exclusively mapped THP under huge table t, in a VMA with flags fl
 * (MADV_COLD / MADV_FREE of part of it, MADV_PAGEOUT's reclaim without swap): the PMD turns
 * into PTEs with its bits (through migration entries: remove_migration_pte), and each page
 * of the folio becomes a small folio — except that a zero-filled page is freed and remapped
 * to the shared zero page from vm_page_prot (remap_page with RMP_USE_SHARED_ZEROPAGE,
 * try_to_map_unused_to_zeropage; not in a VM_LOCKED VMA). The zero page is used even where
 * faults may not map it (seen on the live kernel under pvm_no_zero_page).
 */
export function splitFolio(k: Kernel, mm: Proc, t: number, fl: number): void {
  const pt = k.pt;
  const fr = k.fr;
  const id = folioOf(k, t);
  splitHuge(pt, fr, k.folios, mm.pid, t, fl);
  const pl = pte.protLo(protOf(fl), false);
  const zl = (pte.mkLo(ZERO_FRAME, pl) | pte.SPECIAL) >>> 0;
  const zh = pte.mkHi(ZERO_FRAME, pl, pte.protHi(protOf(fl), pkeyOfFlags(fl)));
  const remap = !(fl & VMF.LOCKED);
  const L = pt.L;
  for (let s = t * HPAGE, e = s + HPAGE; s < e; s++) {
    const f = pte.pfnOf(L[2 * s], L[2 * s + 1]);
    fr.folio[f] = 0;
    if (remap && fr.isZero(f)) {
      fr.put(f);
      L[2 * s] = zl;
      L[2 * s + 1] = zh;
    }
  }
  k.folios.drop(id);
}

/** A whole PMD MADV_FREE made lazyfree (its folio is not swap-backed). */
export function hugeLazy(k: Kernel, t: number): boolean {
  const s0 = t * HPAGE;
  return (k.fr.flags[pte.pfnOf(k.pt.L[2 * s0], k.pt.L[2 * s0 + 1])] & F_LAZY) !== 0;
}

/**
 * MADV_COLD of a whole PMD (madvise_cold_or_pageout_pte_range): the PMD is made old unless
 * the folio may be mapped by another MM (or it is the huge zero page).
 */
export function coldHuge(k: Kernel, t: number): void {
  const id = folioOf(k, t);
  if (id === 0 || k.folios.maybeShared(id)) return;
  const L = k.pt.L;
  for (let s = t * HPAGE, e = s + HPAGE; s < e; s++) L[2 * s] = (L[2 * s] & ~pte.A) >>> 0;
}

/**
 * madvise_free_huge_pmd() of a whole PMD: unless the folio may be shared (or is the huge zero
 * page), the folio is cleaned, the PMD made old and clean (pmd_mkold, pmd_mkclean), the folio
 * lazyfree.
 */
export function freeHuge(k: Kernel, t: number): void {
  const id = folioOf(k, t);
  if (id === 0 || k.folios.maybeShared(id)) return;
  const L = k.pt.L;
  const fl = k.fr.flags;
  for (let s = t * HPAGE, e = s + HPAGE; s < e; s++) {
    L[2 * s] = (L[2 * s] & ~(pte.A | pte.D)) >>> 0;
    L[2 * s + 1] = (L[2 * s + 1] & ~pte.SD_HI) >>> 0;
    const f = pte.pfnOf(L[2 * s], L[2 * s + 1]);
    fl[f] = (fl[f] & ~F_DIRTY) | F_LAZY;
  }
}

// ---------------------------------------------------------------- MADV_COLLAPSE

/** enum scan_result values madvise_collapse tells apart. */
const SCAN_SUCCEED = 0;
const SCAN_PMD_MAPPED = 1;
const SCAN_PMD_NULL = 2;
const SCAN_FAIL = 3;

/**
 * madvise_collapse() over [vs, ve) of anonymous VMA r (the VMA checks done): each aligned
 * block is scanned (hpage_collapse_scan_pmd) and collapsed (collapse_huge_page). A block
 * already PMD-mapped counts as done; one without a page table (pmd_none) or holding a guard
 * marker fails and ends the walk — the blocks after it stay as they are (both seen on the
 * live kernel). All blocks done → the VMA; else madvise_collapse_errno() of the failure:
 * -EINVAL for both.
 */
export function collapse(k: Kernel, mm: Proc, r: number, vs: number, ve: number): number | 'EINVAL' {
  const hs = Math.ceil(vs / HPAGE) * HPAGE;
  const he = ve - (ve % HPAGE);
  let thps = 0;
  for (let b = hs; b < he; b += HPAGE) {
    const res = scanBlock(k, mm, r, b);
    if (res === SCAN_SUCCEED || res === SCAN_PMD_MAPPED) thps++;
    else break;
  }
  return thps === (he - hs) / HPAGE ? r : 'EINVAL';
}

/**
 * hpage_collapse_scan_pmd() of the block at base, then collapse_huge_page() on success. For
 * MADV_COLLAPSE (not khugepaged) none and zero-page entries have no limit, and no PTE needs
 * to be writable: a table of none entries, a read-only or PROT_NONE VMA, pages a fork shares
 * all collapse (seen on the live kernel).
 */
function scanBlock(k: Kernel, mm: Proc, r: number, base: number): number {
  const pt = k.pt;
  const t = pt.leafOf(mm.pgd, base);
  if (t < 0) return SCAN_PMD_NULL;
  if (pt.leafHuge[t]) return SCAN_PMD_MAPPED;
  const L = pt.L;
  for (let s = t * HPAGE, e = s + HPAGE; s < e; s++) {
    const l = L[2 * s];
    if (l !== 0 && !pte.isPresentish(l)) return SCAN_FAIL; // a guard marker (a PTE marker: no swap-in)
  }
  collapseBlock(k, mm, r, t);
  return SCAN_SUCCEED;
}

/**
 * collapse_huge_page(): a new folio gets a copy of every present page (zeroes for none and
 * zero-page entries), the PTEs go (each page loses this mapping), and the PMD is
 * folio_mk_pmd(vm_page_prot) made dirty and, with VM_WRITE, writable; the old table is the
 * deposited one.
 */
function collapseBlock(k: Kernel, mm: Proc, r: number, t: number): void {
  const fl = k.vp.fl[r];
  if (fl & VMF.SHADOW_STACK) throw new NotModelled('MADV_COLLAPSE in a shadow-stack VMA');
  const pt = k.pt;
  const fr = k.fr;
  const pl = (pte.protLo(protOf(fl), false) | pte.PSE) >>> 0;
  const ph = pte.protHi(protOf(fl), pkeyOfFlags(fl));
  const rw = (fl & F_WRITE) !== 0;
  const id = k.folios.create();
  for (let s = t * HPAGE, e = s + HPAGE; s < e; s++) {
    const l = pt.L[2 * s];
    const h = pt.L[2 * s + 1];
    const old = l === 0 && h === 0 ? ZERO_FRAME : pte.pfnOf(l, h);
    const f = fr.copy(old, F_EXCL);
    fr.folio[f] = id;
    fr.sub[f] = s - t * HPAGE;
    if (old !== ZERO_FRAME) {
      if (fr.folio[old]) k.folios.sub(fr.folio[old], mm.pid, 1);
      fr.put(old);
    }
    const nl = pte.mkLo(f, pl);
    const nh = pte.mkHi(f, pl, ph);
    if (rw) pt.set(s, pte.mkwriteLo(nl, false), pte.mkwriteHi(nh, false));
    else pt.set(s, nl, pte.mkdirtyRoHi(nh));
  }
  pt.leafHuge[t] = 1;
  k.folios.add(id, mm.pid, 1);
}
