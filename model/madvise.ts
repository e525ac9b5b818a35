// madvise (mm/madvise.c: do_madvise, madvise_walk_vmas, madvise_vma_behavior).
//
// Checks (SEMANTICS §5.1), first failing wins:
//   advice not valid on x86-64 6.18                       -> EINVAL (before alignment and len)
//   start unaligned, len wraps to 0, start + len wraps     -> EINVAL
//   len == 0                                               -> 0
//   MADV_HWPOISON / MADV_SOFT_OFFLINE without CAP_SYS_ADMIN -> EPERM
//   POPULATE_READ/WRITE: populate until the first failure (populate.ts)
// Walk [start, end): holes are skipped and remembered; each VMA part:
//   sealed anonymous VMA, discard advice, not writable under VM_WRITE+PKRU -> EPERM
//   the advice's own checks (EINVAL / EACCES) and effect
//   the first error stops the walk (earlier parts stay done)
//   a remembered hole (or nothing mapped)                  -> ENOMEM after the rest was done
//   ENOMEM of a split/merge in flag advice                 -> EAGAIN
// Effects: flag advice merges/splits like mprotect; DONTNEED zaps (guard markers stay);
// FREE makes the PTEs of anon pages old and clean (A=0, D=0, SavedDirty=0); REMOVE punches shmem pages out
// in every process; COLD clears A of exclusively mapped anon and shmem pages, PAGEOUT unmaps only exclusively mapped shmem pages (conventions.md);
// GUARD_INSTALL zaps and installs markers, GUARD_REMOVE clears them.
// Transparent huge pages (thp=1, model/thp.ts): DONTNEED zaps a whole huge PMD or splits one it
// covers in part, and frees a whole block's PTE table it leaves empty (CONFIG_PT_RECLAIM); COLD
// and FREE of whole huge PMDs age / lazily free them, PAGEOUT splits one (zero-filled pages become
// the zero page), of part of one or of a THP mapped by PTEs split_folio first; COLLAPSE is
// model/khugepaged.ts; PAGEOUT of a lazyfree or droppable THP is NotModelled.

import { MADV, NotModelled, PROT, VMF } from '../abi/index.js';
import { dropCachePage } from './fault.js';
import { hit, type Errno, type Kernel, type Process, type Pte, type Vma } from './mm.js';
import { vmaAccessPermitted } from './pkeys.js';
import { madviseCollapse } from './khugepaged.js';
import { madvisePopulate } from './populate.js';
import { hasGuardRegions, sealsUpFront } from './profile.js';
import { mkGuardMarker, pteMkclean, pteMkold, ptePresent } from './pte.js';
import { madviseColdFreeHugePmds, pageoutHugePmds } from './thp.js';
import { canModifyMmMadv } from './seal.js';
import { anonVmaPrepare, attrsOf, findVma, HUGETLB_PAGE_SIZE, vmaIsAnonymous, vmaIsSealed, vmaIsShared, vmaModifyAttrs, vmaPgoffAt } from './vma.js';
import { clearPte, ptePagesInRange, setPte, zapRange } from './zap.js';

const U64 = (1n << 64n) - 1n;
/** Pages counted against the budget at most (the count only has to pass it). */
const MAX_GUARD_PAGES = 1n << 22n;

/** include/uapi/asm-generic/mman-common.h + mm/madvise.c: madvise_behavior_valid (x86-64, THP, KSM, MEMORY_FAILURE). */
const VALID_ADVICE: ReadonlySet<number> = new Set(Object.values(MADV));

/** mm/madvise.c: is_discard (6.17+) — the advice a sealed anonymous VMA may refuse. */
function isDiscard(behavior: number): boolean {
  switch (behavior) {
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

/** SYSCALL_DEFINE3(madvise, unsigned long start, size_t len_in, int behavior). */
export function sysMadvise(k: Kernel, p: Process, start: bigint, lenIn: bigint, behavior: number): bigint | Errno {
  // mm/madvise.c: is_valid_madvise — madvise_behavior_valid first, even before alignment
  if (
    !VALID_ADVICE.has(behavior) ||
    (!hasGuardRegions(k) && (behavior === MADV.GUARD_INSTALL || behavior === MADV.GUARD_REMOVE)) ||
    // mm/madvise.c: madvise_behavior_valid — HWPOISON / SOFT_OFFLINE only #ifdef CONFIG_MEMORY_FAILURE
    (!k.cfg.memoryFailure && (behavior === MADV.HWPOISON || behavior === MADV.SOFT_OFFLINE))
  ) {
    hit(k, 'madvise:advice-EINVAL');
    return 'EINVAL';
  }
  if (start & 0xfffn) {
    hit(k, 'madvise:unaligned-EINVAL');
    return 'EINVAL';
  }
  const len = (lenIn + 0xfffn) & ~0xfffn & U64;
  // mm/madvise.c: is_valid_madvise — len was rounded up from small -ve to zero
  if (lenIn !== 0n && len === 0n) {
    hit(k, 'madvise:len-EINVAL');
    return 'EINVAL';
  }
  const end = (start + len) & U64;
  if (end < start) {
    hit(k, 'madvise:wrap-EINVAL');
    return 'EINVAL';
  }
  // mm/madvise.c: madvise_should_skip — nothing to do
  if (end === start) {
    hit(k, 'madvise:len0');
    return 0n;
  }
  // mm/madvise.c: madvise_inject_error — needs CAP_SYS_ADMIN, which the caller lacks
  // (without CONFIG_MEMORY_FAILURE these are no advice at all: EINVAL above)
  if (behavior === MADV.HWPOISON || behavior === MADV.SOFT_OFFLINE) {
    hit(k, 'madvise:hwpoison-EPERM');
    return 'EPERM';
  }
  // mm/madvise.c (6.10): do_madvise — can_modify_mm_madv up front
  if (sealsUpFront(k) && !canModifyMmMadv(p, start, end, behavior)) {
    hit(k, 'madvise:sealed-EPERM-upfront');
    return 'EPERM';
  }
  if (behavior === MADV.POPULATE_READ || behavior === MADV.POPULATE_WRITE) {
    return madvisePopulate(k, p, start, end, behavior === MADV.POPULATE_WRITE);
  }
  return madviseWalkVmas(k, p, start, end, behavior);
}

/** mm/madvise.c: madvise_walk_vmas. */
function madviseWalkVmas(k: Kernel, p: Process, start: bigint, end: bigint, behavior: number): bigint | Errno {
  let unmapped = false;
  let cur = start;
  let done = false;
  for (let vma = findVma(p.mm, cur); ; vma = findVma(p.mm, cur)) {
    // mm/madvise.c: madvise_walk_vmas — still start < end, but nothing left mapped
    if (!vma) {
      hit(k, done ? 'madvise:hole-ENOMEM' : 'madvise:unmapped-ENOMEM');
      return 'ENOMEM';
    }
    // mm/madvise.c: madvise_walk_vmas — a gap: remember ENOMEM and carry on
    if (cur < vma.start) {
      unmapped = true;
      cur = vma.start;
      if (cur >= end) break;
    }
    const rangeEnd = vma.end < end ? vma.end : end;
    const r = madviseVmaBehavior(k, p, vma, cur, rangeEnd, behavior);
    if (typeof r === 'string') {
      if (done) hit(k, 'madvise:error-partial');
      return r;
    }
    done = true;
    // mm/madvise.c: madvise_walk_vmas — continue after the VMA the advice left (it may have merged)
    cur = r && r.end > rangeEnd ? r.end : rangeEnd;
    if (cur >= end) break;
  }
  if (unmapped) {
    hit(k, 'madvise:hole-ENOMEM');
    return 'ENOMEM';
  }
  return 0n;
}

/** mm/madvise.c: can_madvise_modify (6.17+). */
function canMadviseModify(k: Kernel, p: Process, vma: Vma, behavior: number): boolean {
  if (!vmaIsSealed(vma)) return true;
  // for a sealed VMA only discard advice matters
  if (!isDiscard(behavior)) return true;
  // all file-backed mappings (shmem included) are permitted
  if (!vmaIsAnonymous(vma)) return true;
  // if the user could write to the mapping anyway, then this is fine
  if (vma.prot & PROT.WRITE && vmaAccessPermitted(k, p, vma.pkey, true, false)) return true;
  return false;
}

/**
 * mm/madvise.c: madvise_vma_behavior for [start, end) inside `vma`. Returns the VMA
 * covering the range afterwards (null when the walk must look it up again), or an errno.
 */
function madviseVmaBehavior(k: Kernel, p: Process, vma: Vma, start: bigint, end: bigint, behavior: number): Vma | null | Errno {
  // mm/madvise.c: madvise_vma_behavior — the seal rule comes before the advice's own checks
  if (!sealsUpFront(k) && !canMadviseModify(k, p, vma, behavior)) {
    hit(k, 'madvise:sealed-EPERM');
    return 'EPERM';
  }
  if (vma.flags & VMF.HUGETLB) {
    const r = madviseHugetlb(k, vma, start, end, behavior);
    if (r !== undefined) return r;
  }
  switch (behavior) {
    case MADV.REMOVE:
      return madviseRemove(k, p, vma, start, end);
    case MADV.WILLNEED:
      // mm/madvise.c: madvise_willneed — swap-in / readahead only: nothing to observe without swap
      hit(k, 'madvise:willneed');
      return vma;
    case MADV.COLD:
      return madviseColdOrPageout(k, p, vma, start, end, false);
    case MADV.PAGEOUT:
      return madviseColdOrPageout(k, p, vma, start, end, true);
    case MADV.FREE:
    case MADV.DONTNEED:
    case MADV.DONTNEED_LOCKED:
      return madviseDontneedFree(k, p, vma, start, end, behavior);
    case MADV.COLLAPSE:
      return madviseCollapse(k, p, vma, start, end);
    case MADV.GUARD_INSTALL:
      return madviseGuardInstall(k, p, vma, start, end);
    case MADV.GUARD_REMOVE:
      return madviseGuardRemove(k, p, vma, start, end);
  }
  // the rest update the VMA flags via madvise_update_vma
  let flags = vma.flags;
  switch (behavior) {
    case MADV.NORMAL:
      flags &= ~(VMF.RAND_READ | VMF.SEQ_READ);
      break;
    case MADV.SEQUENTIAL:
      flags = (flags & ~VMF.RAND_READ) | VMF.SEQ_READ;
      break;
    case MADV.RANDOM:
      flags = (flags & ~VMF.SEQ_READ) | VMF.RAND_READ;
      break;
    case MADV.DONTFORK:
      flags |= VMF.DONTCOPY;
      break;
    case MADV.DOFORK:
      // mm/madvise.c: MADV_DOFORK — EINVAL on VM_IO (never here)
      flags &= ~VMF.DONTCOPY;
      break;
    case MADV.WIPEONFORK:
      // mm/madvise.c: MADV_WIPEONFORK is only supported on anonymous memory
      if (!vmaIsAnonymous(vma) || vmaIsShared(vma)) {
        hit(k, 'madvise:wipeonfork-EINVAL');
        return 'EINVAL';
      }
      flags |= VMF.WIPEONFORK;
      break;
    case MADV.KEEPONFORK:
      // mm/madvise.c: MADV_KEEPONFORK — droppable memory must stay wiped on fork
      if (flags & VMF.DROPPABLE) {
        hit(k, 'madvise:keeponfork-EINVAL');
        return 'EINVAL';
      }
      flags &= ~VMF.WIPEONFORK;
      break;
    case MADV.DONTDUMP:
      flags |= VMF.DONTDUMP;
      break;
    case MADV.DODUMP:
      // mm/madvise.c: MADV_DODUMP — only mm-backed memory: EINVAL on VM_SPECIAL (a trampfd VMA is
      // VM_DONTEXPAND) or VM_DROPPABLE
      if (flags & (VMF.DROPPABLE | VMF.TRAMPFD)) {
        hit(k, 'madvise:dodump-EINVAL');
        return 'EINVAL';
      }
      flags &= ~VMF.DONTDUMP;
      break;
    case MADV.MERGEABLE:
      // mm/ksm.c: ksm_madvise — ignored on VMAs KSM cannot handle (shared, droppable, VM_DONTEXPAND: trampfd)
      if (!(flags & VMF.MERGEABLE) && !(flags & (VMF.SHARED | VMF.DROPPABLE | VMF.TRAMPFD))) flags |= VMF.MERGEABLE;
      else hit(k, 'madvise:mergeable-ignored');
      break;
    case MADV.UNMERGEABLE:
      flags &= ~VMF.MERGEABLE;
      break;
    case MADV.HUGEPAGE:
      // mm/khugepaged.c: hugepage_madvise
      flags = (flags & ~VMF.NOHUGEPAGE) | VMF.HUGEPAGE;
      break;
    case MADV.NOHUGEPAGE:
      flags = (flags & ~VMF.HUGEPAGE) | VMF.NOHUGEPAGE;
      break;
  }
  return madviseUpdateVma(k, p, vma, start, end, flags);
}

/**
 * The advice a hugetlb VMA (empty pool: no page is ever mapped) answers on its own; undefined for
 * the flag advice, which madvise_update_vma applies as to any VMA (a split off a huge-page boundary is
 * EINVAL: hugetlb_vm_op_split). Each measured on the live kernel (corpus/semantics/hugetlb/madvise.mm).
 */
function madviseHugetlb(k: Kernel, vma: Vma, start: bigint, end: bigint, behavior: number): Vma | null | Errno | undefined {
  switch (behavior) {
    case MADV.DONTNEED:
    case MADV.DONTNEED_LOCKED:
      // mm/madvise.c: madvise_dontneed_free_valid_vma — start on a huge-page boundary, else EINVAL; end
      // rounded down to one; nothing is mapped, so nothing to zap
      if (start & (HUGETLB_PAGE_SIZE - 1n)) {
        hit(k, 'hugetlb:madvise-dontneed-EINVAL');
        return 'EINVAL';
      }
      hit(k, 'hugetlb:madvise-dontneed');
      return vma;
    case MADV.FREE:
      // mm/madvise.c: madvise_dontneed_free_valid_vma — only DONTNEED(_LOCKED) on hugetlb
      hit(k, 'hugetlb:madvise-free-EINVAL');
      return 'EINVAL';
    case MADV.REMOVE:
      // mm/madvise.c: madvise_remove — a file mapping, not shared-maywrite -> EACCES; shared: vfs_fallocate(PUNCH_HOLE)
      // = fs/hugetlbfs/inode.c: hugetlbfs_punch_hole, 0 for any range (whole huge pages only; none are cached)
      if (!vmaIsShared(vma)) {
        hit(k, 'hugetlb:madvise-remove-EACCES');
        return 'EACCES';
      }
      hit(k, 'hugetlb:madvise-remove-shared');
      return vma;
    case MADV.COLD:
    case MADV.PAGEOUT:
      // mm/madvise.c: can_madv_lru_vma — not VM_HUGETLB
      hit(k, 'hugetlb:madvise-lru-EINVAL');
      return 'EINVAL';
    case MADV.COLLAPSE:
      // mm/khugepaged.c: madvise_collapse — thp_vma_allowable_order: no THP in a hugetlb VMA
      hit(k, 'hugetlb:madvise-collapse-EINVAL');
      return 'EINVAL';
    case MADV.GUARD_INSTALL:
    case MADV.GUARD_REMOVE:
      // mm/madvise.c: is_valid_guard_vma — not VM_HUGETLB
      hit(k, 'hugetlb:madvise-guard-EINVAL');
      return 'EINVAL';
    case MADV.WILLNEED:
      // mm/madvise.c: madvise_willneed — a file: vfs_fadvise(POSIX_FADV_WILLNEED), nothing to observe
      hit(k, 'hugetlb:madvise-willneed');
      return vma;
    case MADV.MERGEABLE:
    case MADV.UNMERGEABLE:
      // mm/ksm.c: ksm_madvise — VM_HUGETLB: nothing (VM_MERGEABLE is never set)
      hit(k, 'hugetlb:madvise-ksm-ignored');
      return vma;
    case MADV.WIPEONFORK:
      // mm/madvise.c: MADV_WIPEONFORK — vma->vm_file -> EINVAL
      hit(k, 'hugetlb:madvise-wipeonfork-EINVAL');
      return 'EINVAL';
    case MADV.NORMAL:
    case MADV.RANDOM:
    case MADV.SEQUENTIAL:
    case MADV.DONTFORK:
    case MADV.DOFORK:
    case MADV.KEEPONFORK:
    case MADV.DONTDUMP:
    case MADV.DODUMP:
    case MADV.HUGEPAGE:
    case MADV.NOHUGEPAGE:
      // mm/madvise.c: madvise_update_vma (MADV_DODUMP allowed: is_vm_hugetlb_page before VM_SPECIAL)
      hit(k, 'hugetlb:madvise-flags');
      return undefined;
  }
  throw new NotModelled(`madvise ${behavior} of a hugetlb VMA`);
}

/** mm/madvise.c: madvise_update_vma — unchanged flags: nothing; else merge/split; ENOMEM -> EAGAIN. */
function madviseUpdateVma(k: Kernel, p: Process, vma: Vma, start: bigint, end: bigint, flags: number): Vma | Errno {
  if (flags === vma.flags) {
    hit(k, 'madvise:flags-unchanged');
    return vma;
  }
  const attrs = attrsOf(vma);
  attrs.flags = flags;
  const r = vmaModifyAttrs(k, p.mm, vma, start, end, attrs);
  if (typeof r === 'string') {
    // mm/madvise.c: madvise_vma_behavior — ENOMEM from split/merge becomes EAGAIN
    hit(k, 'madvise:split-EAGAIN');
    return r === 'ENOMEM' ? 'EAGAIN' : r;
  }
  hit(k, 'madvise:flags-set');
  return r;
}

/** mm/madvise.c: madvise_dontneed_free. */
function madviseDontneedFree(k: Kernel, p: Process, vma: Vma, start: bigint, end: bigint, behavior: number): Vma | Errno {
  // mm/madvise.c: madvise_dontneed_free_valid_vma — VM_LOCKED only with MADV_DONTNEED_LOCKED
  if (behavior !== MADV.DONTNEED_LOCKED && vma.flags & VMF.LOCKED) {
    hit(k, 'madvise:locked-EINVAL');
    return 'EINVAL';
  }
  if (behavior === MADV.FREE) {
    // mm/madvise.c: madvise_free_huge_pmd / split_folio of a large folio: not modelled
    // mm/madvise.c: madvise_free_pte_range — huge PMDs first (madvise_free_huge_pmd, model/thp.ts)
    madviseColdFreeHugePmds(k, p.mm, start, end, true);
    return madviseFree(k, p, vma, start, end);
  }
  // mm/madvise.c: madvise_dontneed_single_vma — zap; guard markers are kept; a whole block's
  // PTE table left empty is freed (details.reclaim_pt, CONFIG_PT_RECLAIM)
  hit(k, vmaIsAnonymous(vma) ? 'madvise:dontneed-anon' : 'madvise:dontneed-shmem');
  zapRange(k, p.mm, start, end, { dropMarkers: false, reclaimPt: true });
  return vma;
}

/**
 * mm/madvise.c: madvise_free_single_vma / madvise_free_pte_range — anonymous VMAs
 * only; present PTEs of anon pages become old and clean (the folio is lazily freeable,
 * never reclaimed here). Zero-page PTEs and markers are untouched.
 */
function madviseFree(k: Kernel, p: Process, vma: Vma, start: bigint, end: bigint): Vma | Errno {
  if (!vmaIsAnonymous(vma)) {
    hit(k, 'madvise:free-EINVAL');
    return 'EINVAL';
  }
  for (const page of ptePagesInRange(p.mm, start, end)) {
    const pte = p.mm.ptes.get(page)!;
    // the pages of a THP were handled as a batch (model/thp.ts)
    if (!ptePresent(pte) || !pte.frame || !pte.frame.anon || pte.frame.thp) continue;
    // mm/madvise.c: madvise_free_pte_range — a dirty folio (written through /proc/PID/mem, or
    // redirtied at reclaim) mapped more than once is left alone; else its dirty flag goes
    if (pte.frame.dirty) {
      if (pte.frame.mapcount !== 1) {
        hit(k, 'madvise:free-dirty-shared-skip');
        continue;
      }
      pte.frame.dirty = false;
    }
    hit(k, 'madvise:free-clean');
    pteMkold(pte);
    pteMkclean(pte);
    // mm/madvise.c: madvise_free_pte_range — folio_mark_lazyfree (shared folios too)
    pte.frame.lazyfree = true;
  }
  return vma;
}

/**
 * mm/madvise.c: madvise_remove — needs a shared writable file (shmem): punch the
 * pages out of the object (vfs_fallocate PUNCH_HOLE), zapping them in every process.
 */
function madviseRemove(k: Kernel, p: Process, vma: Vma, start: bigint, end: bigint): Vma | null | Errno {
  if (vma.flags & VMF.LOCKED) {
    hit(k, 'madvise:remove-locked-EINVAL');
    return 'EINVAL';
  }
  // mm/madvise.c: madvise_remove — no file (private anonymous memory)
  if (!vma.shmem && !vma.trampfd) {
    hit(k, 'madvise:remove-EINVAL');
    return 'EINVAL';
  }
  // mm/madvise.c: madvise_remove — !vma_is_shared_maywrite: a private file mapping (trampfd)
  if (!vma.shmem) {
    hit(k, 'madvise:remove-EACCES');
    return 'EACCES';
  }
  // vma_is_shared_maywrite always holds for MAP_SHARED anonymous memory: no EACCES here
  const shm = vma.shmem;
  const first = vmaPgoffAt(vma, start);
  const last = vmaPgoffAt(vma, end);
  hit(k, 'madvise:remove');
  // mm/shmem.c: shmem_fallocate(PUNCH_HOLE) -> unmap_mapping_range over every mapping of the file
  for (const proc of k.procs) {
    if (!proc.alive) continue;
    for (const v of proc.mm.vmas) {
      if (v.shmem !== shm) continue;
      for (const page of ptePagesInRange(proc.mm, v.start, v.end)) {
        const idx = vmaPgoffAt(v, page << 12n);
        const pte = proc.mm.ptes.get(page)!;
        if (idx >= first && idx < last && !pte.guard) clearPte(k, proc.mm, page);
      }
    }
  }
  // mm/shmem.c: shmem_truncate_range — drop the pages from the page cache
  for (const [idx, f] of [...shm.pages]) {
    if (idx >= first && idx < last) {
      shm.pages.delete(idx);
      dropCachePage(k, f);
    }
  }
  // mm/madvise.c: madvise_remove dropped the mmap lock: the walk looks the VMA up again
  return null;
}

/**
 * mm/madvise.c: madvise_cold / madvise_pageout — EINVAL on VM_LOCKED. COLD clears the
 * Accessed bit of present PTEs of exclusively mapped LRU folios, anonymous or shmem
 * (madvise_cold_or_pageout_pte_range: `!pageout && pte_young`; seen on the live kernel,
 * madvise/cold_shmem.mm); PAGEOUT hands the
 * exclusively mapped folios to reclaim (mm/vmscan.c: shrink_folio_list), which without
 * swap re-activates anon folios before unmapping them (no PTE changes), but unmaps a
 * shmem folio (try_to_unmap) before writeback fails: its PTE goes; a dirty folio stays
 * in the page cache (shmem_writeout: no swap -> redirty), a clean one is dropped from it
 * (__remove_mapping). Seen on the live kernel; conventions.md.
 */
function madviseColdOrPageout(k: Kernel, p: Process, vma: Vma, start: bigint, end: bigint, pageout: boolean): Vma | Errno {
  // mm/madvise.c: can_madv_lru_vma
  if (vma.flags & VMF.LOCKED) {
    hit(k, 'madvise:cold-locked-EINVAL');
    return 'EINVAL';
  }
  // mm/madvise.c: madvise_cold_or_pageout_pte_range — huge PMDs first (model/thp.ts)
  if (pageout) pageoutHugePmds(k, p.mm, vma, start, end);
  else madviseColdFreeHugePmds(k, p.mm, start, end, false);
  if (pageout) {
    hit(k, 'madvise:pageout-noswap');
    for (const page of ptePagesInRange(p.mm, start, end)) {
      const pte = p.mm.ptes.get(page)!;
      // the pages of a THP were handled as a batch (model/thp.ts)
      if (pte.frame?.thp) continue;
      if (ptePresent(pte) && pte.frame?.anon && pte.frame.mapcount === 1) {
        pageoutAnon(k, p, vma, page, pte);
        continue;
      }
      // mm/madvise.c: madvise_cold_or_pageout_pte_range — present, a normal folio, not mapped shared
      if (!ptePresent(pte) || !pte.frame || pte.frame.anon || pte.frame.mapcount !== 1 || !vma.shmem) continue;
      hit(k, 'madvise:pageout-shmem-unmap');
      const frame = pte.frame;
      // mm/vmscan.c: shrink_folio_list — try_to_unmap (a dirty PTE dirties the folio)
      clearPte(k, p.mm, page);
      if (!frame.dirty) {
        // mm/vmscan.c: shrink_folio_list — a clean folio leaves the page cache (__remove_mapping)
        hit(k, 'madvise:pageout-shmem-drop-clean');
        const index = vmaPgoffAt(vma, page << 12n);
        if (vma.shmem.pages.get(index) === frame) vma.shmem.pages.delete(index);
        dropCachePage(k, frame);
      }
    }
    return vma;
  }
  for (const page of ptePagesInRange(p.mm, start, end)) {
    const pte = p.mm.ptes.get(page)!;
    // mm/madvise.c: madvise_cold_or_pageout_pte_range — a normal LRU folio (anon or shmem, not the zero page) mapped once
    // (the pages of a THP were handled as a batch: model/thp.ts)
    if (!ptePresent(pte) || !pte.frame || !(pte.frame.anon || vma.shmem) || pte.frame.mapcount !== 1 || pte.frame.thp) continue;
    hit(k, 'madvise:cold-mkold');
    pteMkold(pte);
  }
  return vma;
}

/**
 * mm/vmscan.c: shrink_folio_list for an exclusively mapped anon folio, without swap: a
 * swap-backed one is re-activated before it is unmapped (nothing changes); one that is
 * not swap-backed — every folio of a VM_DROPPABLE VMA, and a MADV_FREE'd (lazyfree) one —
 * is unmapped and discarded (mm/rmap.c: try_to_unmap_one), unless a lazyfree folio was
 * written again (its PTE is dirty, or the folio is: mem_write): then it becomes swap-backed
 * and stays. Seen on the live kernel.
 */
function pageoutAnon(k: Kernel, p: Process, vma: Vma, page: bigint, pte: Pte): void {
  const frame = pte.frame!;
  if (vma.flags & VMF.DROPPABLE) {
    hit(k, 'madvise:pageout-droppable-discard');
    clearPte(k, p.mm, page);
  } else if (frame.lazyfree) {
    // mm/rmap.c: try_to_unmap_one — a dirty PTE marks the folio dirty; a dirty folio (also one
    // written through a GUP reference: /proc/PID/mem) is remapped and becomes swap-backed
    if (pte.dirty || pte.savedDirty || frame.dirty) {
      hit(k, 'madvise:pageout-lazyfree-redirtied');
      frame.lazyfree = false;
      frame.dirty = true;
    } else {
      hit(k, 'madvise:pageout-lazyfree-discard');
      clearPte(k, p.mm, page);
    }
  }
}

/** mm/madvise.c: is_valid_guard_vma — not VM_SPECIAL (a trampfd VMA is VM_DONTEXPAND) or hugetlb, and (for install) not VM_LOCKED. */
function isValidGuardVma(vma: Vma, allowLocked: boolean): boolean {
  if (vma.flags & VMF.TRAMPFD) return false;
  return allowLocked || !(vma.flags & VMF.LOCKED);
}

/**
 * mm/madvise.c: madvise_guard_install — VM_MAYBE_GUARD on the whole VMA (no split),
 * an anon_vma for anonymous VMAs, zap the range (existing markers stay), then a guard
 * marker in every page.
 */
function madviseGuardInstall(k: Kernel, p: Process, vma: Vma, start: bigint, end: bigint): Vma | Errno {
  if (!isValidGuardVma(vma, false)) {
    hit(k, 'madvise:guard-locked-EINVAL');
    return 'EINVAL';
  }
  // abi/budget.ts: a program guarding more than the budget is not run
  k.gup.take(Number((end - start) >> 12n > MAX_GUARD_PAGES ? MAX_GUARD_PAGES : (end - start) >> 12n));
  vma.flags |= VMF.GUARD;
  if (vmaIsAnonymous(vma)) anonVmaPrepare(k, p.mm, vma);
  zapRange(k, p.mm, start, end, { dropMarkers: false });
  hit(k, 'madvise:guard-install');
  for (let page = start >> 12n; page < end >> 12n; page++) {
    if (!p.mm.ptes.has(page)) setPte(p.mm, page, mkGuardMarker());
  }
  return vma;
}

/** mm/madvise.c: madvise_guard_remove — clear the markers in the range (allowed on locked VMAs). */
function madviseGuardRemove(k: Kernel, p: Process, vma: Vma, start: bigint, end: bigint): Vma | Errno {
  if (!isValidGuardVma(vma, true)) {
    hit(k, 'madvise:guard-remove-EINVAL');
    return 'EINVAL';
  }
  for (const page of ptePagesInRange(p.mm, start, end)) {
    if (p.mm.ptes.get(page)!.guard) {
      hit(k, 'madvise:guard-remove');
      clearPte(k, p.mm, page);
    }
  }
  return vma;
}
