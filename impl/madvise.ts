// madvise (SEMANTICS §5, mm/madvise.c do_madvise, 6.18):
//   EINVAL invalid advice | EINVAL start unaligned, len rounds to 0 from -ve, end wraps |
//   0 len 0 | EPERM HWPOISON/SOFT_OFFLINE (not CAP_SYS_ADMIN) | POPULATE_*: ENOMEM hole,
//   EINVAL permissions, EFAULT guard | other advice walks the VMAs: per VMA EPERM (sealed
//   discard, can_madvise_modify), the advice's own EINVAL/EACCES, EAGAIN for a split at
//   max_map_count; the first error stops the walk; a hole gives ENOMEM at the end.

import { MADV } from '../abi/constants.js';
import { err, type Result } from '../abi/result.js';
import { VMF } from '../abi/vmflags.js';
import { endWrapsAt, load, lo12At, N, pagesAt, s32At, wrapsAt } from './args.js';
import { pkruAllows, populateAdvice } from './fault.js';
import { F_DIRTY, F_FILE, F_LAZY, F_SHMEM, ZERO_FRAME } from './frames.js';
import { PAGE, type Kernel, type Proc } from './kernel.js';
import { anonPrepare, SPLIT_EINVAL, vmaModify } from './merge.js';
import * as pte from './pte.js';
import { NotModelled } from '../abi/budget.js';
import { HPAGE, splitHuge, zapHuge } from './hugepmd.js';
import { coldHuge, collapse, freeHuge, hugeLazy, hugeLeftAlone, splitFolio } from './thp.js';
import { F_STICKY, F_WRITE, pkeyOfFlags } from './vma.js';

const EINVAL = err('EINVAL');
const DISCARD_BITS_610 = MADV.FREE | MADV.DONTNEED | MADV.DONTNEED_LOCKED | MADV.REMOVE | MADV.DONTFORK | MADV.WIPEONFORK;
const VALID = new Set<number>(Object.values(MADV));

/** is_discard(): advice that a seal forbids on read-only anonymous memory. */
function isDiscard(adv: number): boolean {
  switch (adv) {
    case MADV.FREE:
    case MADV.DONTNEED:
    case MADV.DONTNEED_LOCKED:
    case MADV.REMOVE:
    case MADV.DONTFORK:
    case MADV.WIPEONFORK:
    case MADV.GUARD_INSTALL:
      return true;
  }
  return false;
}

export function sysMadvise(k: Kernel, mm: Proc, a: readonly bigint[]): Result {
  load(a);
  const adv = s32At(2);
  if (!VALID.has(adv)) return EINVAL;
  // madvise_behavior_valid(): HWPOISON / SOFT_OFFLINE exist only with CONFIG_MEMORY_FAILURE
  if (!k.memoryFailure && (adv === MADV.HWPOISON || adv === MADV.SOFT_OFFLINE)) return EINVAL;
  // the 6.10 profile predates guard regions (6.13)
  if (k.profile === '6.10' && (adv === MADV.GUARD_INSTALL || adv === MADV.GUARD_REMOVE)) return EINVAL;
  if (lo12At(0) !== 0) return EINVAL;
  if (wrapsAt(1)) return EINVAL;
  if (endWrapsAt(0, 1)) return EINVAL;
  if (N[1] === 0) return 0n;
  if (adv === MADV.HWPOISON || adv === MADV.SOFT_OFFLINE) return err('EPERM');
  const start = N[0] / PAGE;
  const end = start + pagesAt(1);
  // 6.10 can_modify_mm_madv(): up front, with the 6.10 bitmask is_madv_discard() (a bug
  // fixed in 6.11 that also matches e.g. MADV_RANDOM and MADV_POPULATE_*)
  if (k.profile === '6.10' && adv & DISCARD_BITS_610 && sealedDiscard610(k, mm, start, end)) return err('EPERM');
  if (adv === MADV.POPULATE_READ || adv === MADV.POPULATE_WRITE) {
    const e = populateAdvice(k, mm, start, end, adv === MADV.POPULATE_WRITE);
    return e ? err(e as 'EINVAL') : 0n;
  }
  // madvise_walk_vmas()
  const vp = k.vp;
  let unmapped = false;
  let s = start;
  let r = mm.tree.findVma(s);
  for (;;) {
    if (r < 0) return err('ENOMEM');
    if (s < vp.vs[r]) {
      unmapped = true;
      s = vp.vs[r];
      if (s >= end) break;
    }
    const e = Math.min(vp.ve[r], end);
    const res = behavior(k, mm, r, s, e, adv);
    if (typeof res === 'string') return res;
    const reached = Math.max(e, vp.ve[res]);
    if (reached >= end) break;
    r = mm.tree.findVma(reached);
    s = reached;
  }
  return unmapped ? err('ENOMEM') : 0n;
}

/** 6.10 can_modify_mm_madv(): up-front refusal of discard advice on sealed read-only anon. */
function sealedDiscard610(k: Kernel, mm: Proc, vs: number, ve: number): boolean {
  const vp = k.vp;
  for (let r = mm.tree.findVma(vs); r >= 0 && vp.vs[r] < ve; r = mm.tree.next(r)) {
    const fl = vp.fl[r];
    if (fl & VMF.SEALED && !vp.shm[r] && !(fl & VMF.HUGETLB) && (!(fl & F_WRITE) || !pkruAllows(mm, pkeyOfFlags(fl), true))) return true;
  }
  return false;
}

/** madvise_vma_behavior() for [vs, ve) inside VMA r: the VMA now covering it, or an error. */
function behavior(k: Kernel, mm: Proc, r: number, vs: number, ve: number, adv: number): number | string {
  const vp = k.vp;
  const fl = vp.fl[r];
  // can_madvise_modify(): sealed anonymous memory the caller cannot write
  if (
    k.profile !== '6.10' && fl & VMF.SEALED && isDiscard(adv) && vp.isAnon(r) &&
    !(fl & F_WRITE && pkruAllows(mm, pkeyOfFlags(fl), true))
  )
    return err('EPERM');
  // a trampfd VMA is a file mapping with VM_DONTEXPAND (VM_SPECIAL)
  const special = (fl & VMF.TRAMPFD) !== 0;
  // a hugetlb VMA (hugetlbfs file, VM_DONTEXPAND, no pages: the pool is empty)
  const huge = (fl & VMF.HUGETLB) !== 0;
  let nf = fl;
  switch (adv) {
    case MADV.REMOVE:
      if (fl & VMF.LOCKED) return EINVAL;
      if (huge) {
        // madvise_remove(): a private file mapping is not shared-maywrite; a shared one punches a
        // hole (hugetlbfs_punch_hole, any range) in a file without pages (seen on the live kernel)
        return fl & VMF.SHARED ? r : err('EACCES');
      }
      if (special) return err('EACCES'); // a file, but not shared-maywrite
      if (!vp.shm[r]) return EINVAL; // no file
      removeRange(k, vp.shm[r], vp.pg[r] + (vs - vp.vs[r]), vp.pg[r] + (ve - vp.vs[r]));
      return r;
    case MADV.WILLNEED:
      return r;
    case MADV.COLD:
      if (fl & VMF.LOCKED || huge) return EINVAL; // can_madv_lru_vma(): not VM_LOCKED|VM_PFNMAP|VM_HUGETLB
      coldRange(k, mm, vs, ve, fl);
      return r;
    case MADV.PAGEOUT:
      // no swap: reclaim re-activates anon folios and leaves their PTEs alone, but unmaps
      // shmem folios before writeback fails (conventions.md; seen on the live kernel)
      if (fl & VMF.LOCKED || huge) return EINVAL; // can_madv_lru_vma()
      thpCtx.mm = mm;
      thpCtx.fl = fl;
      if (vp.shm[r]) pageoutShmem(k, mm, vs, ve, vp.shm[r], vp.pg[r] - vp.vs[r]);
      else if (vp.isAnon(r)) pageoutAnon(k, mm, vs, ve, (fl & VMF.DROPPABLE) !== 0);
      return r;
    case MADV.FREE:
    case MADV.DONTNEED:
    case MADV.DONTNEED_LOCKED:
      if (huge) {
        // madvise_dontneed_free_valid_vma(): no FREE; DONTNEED needs a huge page aligned start
        // (the end is rounded down); with no pages there is nothing to zap (seen on the live kernel)
        if (adv === MADV.FREE || vs % HPAGE !== 0) return EINVAL;
        return r;
      }
      if (fl & VMF.LOCKED && adv !== MADV.DONTNEED_LOCKED) return EINVAL;
      if (adv === MADV.FREE) {
        if (!vp.isAnon(r)) return EINVAL;
        freeRange(k, mm, vs, ve, fl);
      } else k.zap(mm, vs, ve, true, true); // madvise_dontneed_single_vma: reclaim_pt
      return r;
    case MADV.COLLAPSE: {
      // thp_vma_allowable_order(): the VMA must hold a 2 MiB-aligned 2 MiB block
      if (!k.thp) return EINVAL; // vma_thp_disabled(): PR_SET_THP_DISABLE
      if (huge) return EINVAL; // __thp_vma_allowable_orders(): never a hugetlb VMA
      // thp_vma_suitable_order(vma_end - HPAGE_PMD_SIZE) in unsigned arithmetic: below 2 MiB the
      // address wraps, its block ends at 0 (wrapped) and passes (seen on the live kernel)
      const canHold = vp.ve[r] < 512 || Math.floor(vp.ve[r] / 512) * 512 - 512 >= vp.vs[r];
      if (!canHold || fl & VMF.NOHUGEPAGE) return EINVAL;
      // __thp_vma_allowable_orders(): an anonymous VMA with no anon_vma yet allows no order
      if (vp.isAnon(r) && vp.anon[r] === 0) return EINVAL;
      if (vp.isAnon(r)) {
        const c = collapse(k, mm, r, vs, ve);
        return c === 'EINVAL' ? EINVAL : c;
      }
      // a file VMA also needs its pgoff aligned with its address (thp_vma_suitable_order)
      if ((vp.vs[r] - vp.pg[r]) % 512 !== 0) return EINVAL;
      // shmem: the mode is ignored (shmem_huge_force), collapse_file would make a shmem THP;
      // with no block in the range, the unsigned block count decides (as in collapse())
      const blocks = (ve - (ve % 512) - Math.ceil(vs / 512) * 512) / 512;
      if (blocks > 0) throw new NotModelled('MADV_COLLAPSE of shmem (a shmem THP)');
      return blocks === 0 ? r : EINVAL;
    }
    case MADV.GUARD_INSTALL:
      if (fl & VMF.LOCKED || special || huge) return EINVAL; // is_valid_guard_vma(): VM_SPECIAL, VM_HUGETLB
      // VM_MAYBE_GUARD first: anon_vma_prepare() then compares flags with it set
      vp.fl[r] |= VMF.GUARD;
      if (!vp.shm[r]) anonPrepare(k, mm, r);
      installGuards(k, mm, vs, ve);
      return r;
    case MADV.GUARD_REMOVE:
      if (special || huge) return EINVAL; // is_valid_guard_vma(allow_locked)
      removeGuards(k, mm, vs, ve);
      return r;
    default: {
      const f = FLAG_ADVICE.get(adv);
      if (!f) break;
      if (f.refuse?.(fl, vp.isAnon(r), special)) return EINVAL;
      if (!f.only || f.only(fl)) nf = (nf & ~f.clear) | f.set;
    }
  }
  nf >>>= 0;
  // madvise_update_vma()
  if (nf === fl) return r;
  const n = vmaModify(k, mm, r, vs, ve, nf);
  if (n < 0) return n === SPLIT_EINVAL ? EINVAL : err('EAGAIN'); // ENOMEM from a split becomes EAGAIN
  vp.fl[n] = (nf | (vp.fl[n] & F_STICKY)) >>> 0;
  return n;
}

/**
 * The advice that only sets and clears VMA flags (madvise_update_vma), SEMANTICS §5.2 as a
 * table: the bits set and cleared, when the VMA refuses it (EINVAL), and when the change
 * applies at all (KSM takes only compatible VMAs and says nothing of the others).
 */
interface FlagAdvice {
  readonly set: number;
  readonly clear: number;
  readonly refuse?: (fl: number, anon: boolean, special: boolean) => boolean;
  readonly only?: (fl: number) => boolean;
}
const READ_HINTS = VMF.RAND_READ | VMF.SEQ_READ;
const THP_HINTS = VMF.HUGEPAGE | VMF.NOHUGEPAGE;
const FLAG_ADVICE: ReadonlyMap<number, FlagAdvice> = new Map<number, FlagAdvice>([
  [MADV.NORMAL, { set: 0, clear: READ_HINTS }],
  [MADV.SEQUENTIAL, { set: VMF.SEQ_READ, clear: READ_HINTS }],
  [MADV.RANDOM, { set: VMF.RAND_READ, clear: READ_HINTS }],
  [MADV.DONTFORK, { set: VMF.DONTCOPY, clear: 0 }],
  // 6.18 refuses VM_IO only (no such VMA here); VM_SPECIAL came later
  [MADV.DOFORK, { set: 0, clear: VMF.DONTCOPY }],
  [MADV.WIPEONFORK, { set: VMF.WIPEONFORK, clear: 0, refuse: (fl, anon) => !anon || (fl & VMF.SHARED) !== 0 }],
  [MADV.KEEPONFORK, { set: 0, clear: VMF.WIPEONFORK, refuse: (fl) => (fl & VMF.DROPPABLE) !== 0 }],
  [MADV.DONTDUMP, { set: VMF.DONTDUMP, clear: 0 }],
  [MADV.DODUMP, { set: 0, clear: VMF.DONTDUMP, refuse: (fl, _anon, special) => (fl & VMF.DROPPABLE) !== 0 || special }],
  // ksm_madvise(): only KSM-compatible VMAs (not shared, droppable, a trampfd or hugetlb)
  [MADV.MERGEABLE, { set: VMF.MERGEABLE, clear: 0, only: (fl) => !(fl & (VMF.SHARED | VMF.DROPPABLE | VMF.TRAMPFD | VMF.HUGETLB)) }],
  [MADV.UNMERGEABLE, { set: 0, clear: VMF.MERGEABLE }],
  [MADV.HUGEPAGE, { set: VMF.HUGEPAGE, clear: THP_HINTS }],
  [MADV.NOHUGEPAGE, { set: VMF.NOHUGEPAGE, clear: THP_HINTS }],
]);

/** The process and VMA flags of a COLD / FREE / PAGEOUT walk (a THP split needs them). */
const thpCtx: { mm: Proc | null; fl: number } = { mm: null, fl: 0 };

/**
 * A huge PMD met by COLD / FREE / PAGEOUT over [i0, i1) of its block: true when the walk
 * goes on with its PTEs. A huge zero page or a folio another MM may map is left alone; a PMD
 * the range covers in part has its folio split first (split_folio), then the PTEs in the
 * range are treated as small folios.
 */
function partialHuge(k: Kernel, t: number, i0: number, i1: number): boolean {
  if ((i0 === 0 && i1 === HPAGE) || hugeLeftAlone(k, t)) return false;
  splitFolio(k, thpCtx.mm!, t, thpCtx.fl);
  return true;
}

/** A page of a large folio met on the PTE level. */
function thpPage(k: Kernel, f: number): void {
  if (k.fr.folio[f]) throw new NotModelled('MADV_COLD/FREE/PAGEOUT of a PTE-mapped THP (split_folio)');
}

/** MADV_FREE (madvise_free_pte_range): present (incl. protnone) normal pages become old and clean. */
function freeRange(k: Kernel, mm: Proc, vs: number, ve: number, fl: number): void {
  thpCtx.mm = mm;
  thpCtx.fl = fl;
  k.pt.walk(mm.pgd, vs, ve, freeTable, k);
}

function freeTable(k: Kernel, t: number, i0: number, i1: number): void {
  // madvise_free_huge_pmd(): a whole PMD is cleaned as one
  if (k.pt.leafHuge[t] && !partialHuge(k, t, i0, i1)) {
    if (i0 === 0 && i1 === HPAGE) freeHuge(k, t);
    return;
  }
  const L = k.pt.L;
  for (let i = i0; i < i1; i++) {
    const s = t * 512 + i;
    const l = L[2 * s];
    if (!pte.isPresentish(l)) continue; // pte_present(): P or PROTNONE
    const h = L[2 * s + 1];
    if (pte.pfnOf(l, h) === ZERO_FRAME) continue;
    const f = pte.pfnOf(l, h);
    thpPage(k, f);
    const fl = k.fr.flags;
    // a dirty anon folio (written through /proc/PID/mem) mapped twice is skipped; else it is cleaned
    if ((fl[f] & (F_DIRTY | F_SHMEM | F_FILE)) === F_DIRTY) {
      if (k.fr.ref[f] !== 1) continue;
      fl[f] &= ~F_DIRTY;
    }
    L[2 * s] = (l & ~(pte.A | pte.D)) >>> 0;
    L[2 * s + 1] = (h & ~pte.SD_HI) >>> 0;
    if (!(fl[f] & (F_SHMEM | F_FILE))) fl[f] |= F_LAZY; // folio_mark_lazyfree()
  }
}

/**
 * MADV_PAGEOUT of private anon memory: reclaim (no swap) keeps swap-backed folios mapped,
 * but unmaps and discards an exclusively mapped folio that is not swap-backed — any of a
 * VM_DROPPABLE VMA, or a MADV_FREE'd one whose PTE is still clean (a dirty one turns
 * swap-backed again and stays): try_to_unmap_one.
 */
function pageoutAnon(k: Kernel, mm: Proc, vs: number, ve: number, droppable: boolean): void {
  const pt = k.pt;
  const fr = k.fr;
  const L = pt.L;
  pt.walk(mm.pgd, vs, ve, (_c, t, i0, i1) => {
    if (pt.leafHuge[t] && !partialHuge(k, t, i0, i1)) {
      if (i0 !== 0 || i1 !== HPAGE || hugeLeftAlone(k, t)) return;
      if (droppable) throw new NotModelled('MADV_PAGEOUT of a THP in a MAP_DROPPABLE VMA');
      // a lazyfree THP (try_to_unmap_one → unmap_huge_pmd_locked): a clean one is discarded
      // with its PMD (pmd_none again); a redirtied one turns swap-backed and only its PMD is
      // split, the folio stays large (both seen on the live kernel)
      if (hugeLazy(k, t)) return pageoutLazyHuge(k, mm, t);
      // reclaim without swap splits a swap-backed THP and keeps its pages (shrink_folio_list)
      splitFolio(k, mm, t, thpCtx.fl);
      return;
    }
    for (let i = i0; i < i1; i++) {
      const s = t * 512 + i;
      const l = L[2 * s];
      if (!pte.isPresentish(l)) continue;
      const h = L[2 * s + 1];
      const f = pte.pfnOf(l, h);
      thpPage(k, f);
      if (f === ZERO_FRAME || fr.flags[f] & (F_SHMEM | F_FILE) || fr.ref[f] !== 1) continue;
      if (!droppable) {
        if (!(fr.flags[f] & F_LAZY)) continue;
        // redirtied through the PTE or a GUP write (F_DIRTY): swap-backed again, folio dirty
        if (pte.isDirty(l, h) || fr.flags[f] & F_DIRTY) {
          fr.flags[f] = (fr.flags[f] & ~F_LAZY) | F_DIRTY;
          continue;
        }
      }
      fr.put(f);
      pt.set(s, 0, 0);
    }
  }, null);
}

/** MADV_PAGEOUT of a whole lazyfree THP exclusively mapped. */
function pageoutLazyHuge(k: Kernel, mm: Proc, t: number): void {
  const L = k.pt.L;
  const s0 = t * HPAGE;
  const fr = k.fr;
  const f0 = pte.pfnOf(L[2 * s0], L[2 * s0 + 1]);
  if (!pte.isDirty(L[2 * s0], L[2 * s0 + 1]) && !(fr.flags[f0] & F_DIRTY)) {
    zapHuge(k.pt, fr, k.folios, mm.pid, t);
    return;
  }
  for (let s = s0; s < s0 + HPAGE; s++) {
    const f = pte.pfnOf(L[2 * s], L[2 * s + 1]);
    fr.flags[f] = (fr.flags[f] & ~F_LAZY) | F_DIRTY;
  }
  splitHuge(k.pt, fr, k.folios, mm.pid, t, thpCtx.fl);
}

/** COLD (docs/conventions.md): clear A of exclusively mapped anon and shmem pages (present or protnone). */
function coldRange(k: Kernel, mm: Proc, vs: number, ve: number, fl: number): void {
  thpCtx.mm = mm;
  thpCtx.fl = fl;
  k.pt.walk(mm.pgd, vs, ve, coldTable, k);
}

function coldTable(k: Kernel, t: number, i0: number, i1: number): void {
  if (k.pt.leafHuge[t] && !partialHuge(k, t, i0, i1)) {
    if (i0 === 0 && i1 === HPAGE) coldHuge(k, t);
    return;
  }
  const L = k.pt.L;
  const fr = k.fr;
  for (let i = i0; i < i1; i++) {
    const s = t * 512 + i;
    const l = L[2 * s];
    if (!pte.isPresentish(l)) continue; // pte_present(): P or PROTNONE
    const f = pte.pfnOf(l, L[2 * s + 1]);
    thpPage(k, f);
    // a shmem frame also holds the object's reference: mapped once is ref 2
    if (f === ZERO_FRAME || fr.flags[f] & F_FILE || fr.ref[f] !== (fr.flags[f] & F_SHMEM ? 2 : 1)) continue;
    L[2 * s] = (l & ~pte.A) >>> 0;
  }
}

/**
 * MADV_PAGEOUT of a shmem range: shrink_folio_list try_to_unmaps every exclusively mapped
 * folio (a dirty PTE dirties it); a dirty folio is redirtied and stays in the object
 * (shmem_writeout without swap), a clean one leaves it (__remove_mapping).
 * off: page offset in the object minus virtual page number.
 */
function pageoutShmem(k: Kernel, mm: Proc, vs: number, ve: number, id: number, off: number): void {
  const pt = k.pt;
  const fr = k.fr;
  const L = pt.L;
  const drop: number[] = [];
  pt.walk(mm.pgd, vs, ve, (_c, t, i0, i1, base) => {
    for (let i = i0; i < i1; i++) {
      const s = t * 512 + i;
      const l = L[2 * s];
      if (!pte.isPresentish(l)) continue;
      const f = pte.pfnOf(l, L[2 * s + 1]);
      // the object's reference plus this PTE's: mapped by no one else
      if (f === ZERO_FRAME || !(fr.flags[f] & F_SHMEM) || fr.ref[f] !== 2) continue;
      if (pte.isDirty(l, L[2 * s + 1])) fr.flags[f] |= F_DIRTY;
      if (!(fr.flags[f] & F_DIRTY)) drop.push(base + i + off);
      fr.put(f);
      pt.set(s, 0, 0);
    }
  }, null);
  for (const o of drop) k.shm.truncate(id, o, o + 1);
}

/** MADV_GUARD_INSTALL: zap what is mapped, then a guard marker on every page. */
function installGuards(k: Kernel, mm: Proc, vs: number, ve: number): void {
  k.gup.take(Math.min(ve - vs, 1 << 22)); // one marker a page: bounded like populate (abi/budget.ts)
  k.zap(mm, vs, ve, true);
  for (let p = vs; p < ve; p++) {
    const s = k.pt.ensure(mm.pgd, p);
    k.pt.set(s, pte.GUARD_LO, pte.GUARD_HI);
  }
}

function removeGuards(k: Kernel, mm: Proc, vs: number, ve: number): void {
  k.pt.walk(mm.pgd, vs, ve, unguardTable, k);
}

function unguardTable(k: Kernel, t: number, i0: number, i1: number): void {
  const pt = k.pt;
  for (let i = i0; i < i1; i++) {
    const s = t * 512 + i;
    if (pte.isGuard(pt.L[2 * s], pt.L[2 * s + 1])) pt.set(s, 0, 0);
  }
}

/**
 * MADV_REMOVE on shmem: punch a hole (shmem_fallocate): unmap the file range from every
 * process that maps it (unmap_mapping_range, guard markers kept), then free the pages.
 */
function removeRange(k: Kernel, id: number, off: number, offEnd: number): void {
  const vp = k.vp;
  for (const p of k.procs) {
    if (!p.alive) continue;
    for (let r = p.tree.first(); r >= 0; r = p.tree.next(r)) {
      if (vp.shm[r] !== id) continue;
      const a = Math.max(off, vp.pg[r]);
      const b = Math.min(offEnd, vp.pg[r] + (vp.ve[r] - vp.vs[r]));
      if (a < b) k.zap(p, vp.vs[r] + (a - vp.pg[r]), vp.vs[r] + (b - vp.pg[r]), true);
    }
  }
  k.shm.truncate(id, off, offEnd);
}
