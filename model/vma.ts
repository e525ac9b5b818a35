// VMA helpers (mm/vma.c, mm/mmap.c, mm/rmap.c, include/linux/mm.h): lookup,
// split, and the two merge paths —
//   vma_merge_existing_range (a flag change on part of a VMA: mprotect, madvise, mseal)
//   vma_merge_new_range      (a new range next to existing VMAs: mmap, brk, mremap)
// Merge predicates (mm/vma.c: is_mergeable_vma, is_mergeable_anon_vma, can_vma_merge_left/right):
//   identical vm_flags except VM_IGNORE_MERGE (the sticky VM_MAYBE_GUARD), same prot and
//   pkey (both part of vm_flags), same vm_file, pgoff continuity, compatible anon_vma.
// split_vma fails ENOMEM when map_count >= max_map_count.

import { PROT, VMF } from '../abi/index.js';
import { hit, mapCount, newAnonVma, type AnonVma, type Errno, type Kernel, type Mm, type Shmem, type Trampfd, type Vma } from './mm.js';
import { splitHugePmdAt } from './thp.js';

/** The huge page of a hugetlb VMA: 2 MiB (a 1 GiB hstate is never mapped here). */
export const HUGETLB_PAGE_SIZE = 1n << 21n;
/** VM_SYNC (MAP_SYNC): not shown in traces, but it is a vm_flag, so it blocks merging. */
export const VM_SYNC = 1 << 24;
/** The VMF bits a trace shows (model-only bits masked off). */
export const VMF_OBSERVED = (1 << 19) - 1;
/** include/linux/mm.h: VM_STICKY / VM_IGNORE_MERGE — VM_MAYBE_GUARD never blocks a merge and survives it. */
export const VM_STICKY = VMF.GUARD;

/** The attributes a flag change sets: vm_flags = prot bits | flags | pkey bits. */
export interface VmaAttrs {
  prot: number;
  flags: number;
  pkey: number;
}

export function attrsOf(vma: Vma): VmaAttrs {
  return { prot: vma.prot, flags: vma.flags, pkey: vma.pkey };
}

export function vmaPages(vma: Vma): bigint {
  return (vma.end - vma.start) >> 12n;
}

export function vmaIsShared(vma: Vma): boolean {
  return (vma.flags & VMF.SHARED) !== 0;
}

/** include/linux/mm.h: vma_is_anonymous — no vm_ops (shmem and trampfd VMAs are not anonymous). */
export function vmaIsAnonymous(vma: Vma): boolean {
  return vma.shmem === null && vma.trampfd === null && !(vma.flags & VMF.HUGETLB);
}

/** include/linux/mm.h: vma_is_accessible — any of VM_READ|VM_WRITE|VM_EXEC. */
export function vmaIsAccessible(vma: Vma): boolean {
  return (vma.prot & (PROT.READ | PROT.WRITE | PROT.EXEC)) !== 0;
}

export function vmaIsSealed(vma: Vma): boolean {
  return (vma.flags & VMF.SEALED) !== 0;
}

/** The pgoff a page of the VMA has: vma->vm_pgoff + (addr - vm_start) >> PAGE_SHIFT. */
export function vmaPgoffAt(vma: Vma, addr: bigint): bigint {
  return vma.pgoff + ((addr - vma.start) >> 12n);
}

/** mm/mmap.c: find_vma — the first VMA with vm_end > addr. */
export function findVma(mm: Mm, addr: bigint): Vma | null {
  for (const v of mm.vmas) if (v.end > addr) return v;
  return null;
}

/** include/linux/mm.h: vma_lookup — the VMA containing addr. */
export function vmaLookup(mm: Mm, addr: bigint): Vma | null {
  const v = findVma(mm, addr);
  return v && v.start <= addr ? v : null;
}

/** include/linux/mm.h: find_vma_intersection — the first VMA intersecting [start, end). */
export function findVmaIntersection(mm: Mm, start: bigint, end: bigint): Vma | null {
  for (const v of mm.vmas) if (v.end > start && v.start < end) return v;
  return null;
}

/** All VMAs intersecting [start, end), in address order (for_each_vma_range). */
export function vmasInRange(mm: Mm, start: bigint, end: bigint): Vma[] {
  return mm.vmas.filter((v) => v.end > start && v.start < end);
}

/** The VMA just before `vma` in address order (vma_prev), adjacent or not. */
export function vmaPrev(mm: Mm, vma: Vma): Vma | null {
  const i = mm.vmas.indexOf(vma);
  return i > 0 ? mm.vmas[i - 1] : null;
}

/** The VMA just after `vma` in address order (vma_next). */
export function vmaNext(mm: Mm, vma: Vma): Vma | null {
  const i = mm.vmas.indexOf(vma);
  return i >= 0 && i + 1 < mm.vmas.length ? mm.vmas[i + 1] : null;
}

/** The last VMA ending at or before addr, and the first starting at or after end. */
export function neighbours(mm: Mm, start: bigint, end: bigint): { prev: Vma | null; next: Vma | null } {
  let prev: Vma | null = null;
  let next: Vma | null = null;
  for (const v of mm.vmas) {
    if (v.end <= start) prev = v;
    else if (v.start >= end && next === null) next = v;
  }
  return { prev, next };
}

export function insertVma(mm: Mm, vma: Vma): void {
  let i = 0;
  while (i < mm.vmas.length && mm.vmas[i].start < vma.start) i++;
  mm.vmas.splice(i, 0, vma);
}

export function removeVma(mm: Mm, vma: Vma): void {
  const i = mm.vmas.indexOf(vma);
  if (i >= 0) mm.vmas.splice(i, 1);
}

/** include/linux/mm.h: vm_start_gap — a growsdown VMA keeps stack_guard_gap free below it, a shadow stack one page. */
export function vmStartGap(k: Kernel, vma: Vma): bigint {
  let gap = 0n;
  if (vma.flags & VMF.GROWSDOWN) gap = STACK_GUARD_GAP_BYTES;
  else if (vma.flags & VMF.SHADOW_STACK) gap = 0x1000n;
  const start = vma.start - gap;
  // include/linux/mm.h: vm_start_gap — clamp an underflow to 0
  return start < 0n ? 0n : start;
}

/** mm/mmap.c: stack_guard_gap = 256 pages. */
export const STACK_GUARD_GAP_BYTES = 0x100000n;

/** mm/vma.c: __split_vma — split at addr (no map_count check); returns [below, above]. */
export function splitVmaRaw(k: Kernel, mm: Mm, vma: Vma, addr: bigint): [Vma, Vma] {
  // mm/vma.c: __split_vma -> vma_adjust_trans_huge — a huge PMD across the new boundary is split
  splitHugePmdAt(k, mm, addr);
  const upper: Vma = {
    ...vma,
    start: addr,
    // mm/vma.c: __split_vma — the new VMA's vm_pgoff advances by the split offset
    pgoff: vma.pgoff + ((addr - vma.start) >> 12n),
  };
  vma.end = addr;
  insertVma(mm, upper);
  return [vma, upper];
}

/** mm/vma.c: __split_vma -> vm_ops->may_split = mm/hugetlb.c: hugetlb_vm_op_split — not at a huge-page boundary -> EINVAL. */
export function hugetlbMaySplit(k: Kernel, vma: Vma, addr: bigint): Errno | null {
  if (!(vma.flags & VMF.HUGETLB)) return null;
  if (addr & (HUGETLB_PAGE_SIZE - 1n)) {
    hit(k, 'hugetlb:split-EINVAL');
    return 'EINVAL';
  }
  hit(k, 'hugetlb:split');
  return null;
}

/** mm/vma.c: split_vma — map_count >= sysctl_max_map_count -> ENOMEM. */
export function splitVma(k: Kernel, mm: Mm, vma: Vma, addr: bigint): [Vma, Vma] | Errno {
  if (mapCount(mm) >= k.cfg.maxMapCount) {
    hit(k, 'vma:split-ENOMEM');
    return 'ENOMEM';
  }
  const bad = hugetlbMaySplit(k, vma, addr);
  if (bad) return bad;
  return splitVmaRaw(k, mm, vma, addr);
}

/**
 * mm/vma.c: is_mergeable_vma — same flags (ignoring VM_IGNORE_MERGE), prot, pkey and
 * vm_file. A trampfd VMA is VM_DONTEXPAND (VM_SPECIAL), which never merges.
 */
function isMergeableVma(k: Kernel, vma: Vma, attrs: VmaAttrs, shmem: Shmem | null): boolean {
  if ((vma.flags | attrs.flags) & VMF.TRAMPFD) return false;
  // mm/vma.c: vma_merge_existing_range / vma_merge_new_range — a hugetlb VMA is VM_DONTEXPAND (hugetlbfs_file_mmap), VM_SPECIAL
  if ((vma.flags | attrs.flags) & VMF.HUGETLB) return false;
  // an adjacent neighbour refused for its flags, prot or pkey (a seal, a key, …): the rule a
  // merge that should not happen breaks, whichever syscall made the range
  if (((vma.flags ^ attrs.flags) & ~VM_STICKY) !== 0 || vma.prot !== attrs.prot || vma.pkey !== attrs.pkey) {
    hit(k, 'merge:attrs-differ');
    return false;
  }
  return vma.shmem === shmem;
}

/** mm/vma.c: vma_had_uncowed_parents — has an anon_vma and a non-singular anon_vma_chain. */
function hadUncowedParents(vma: Vma | null): boolean {
  return vma !== null && vma.anonVma !== null && vma.anonFromFork;
}

/**
 * mm/vma.c: is_mergeable_anon_vma — tgt is the neighbour, src the VMA being
 * changed (null for a new range), srcAnon the anon_vma the range brings.
 */
function isMergeableAnonVma(tgt: Vma, src: Vma | null, srcAnon: AnonVma | null): boolean {
  // Case 1: we will dup_anon_vma() from src into tgt
  if (!tgt.anonVma && srcAnon) return !hadUncowedParents(src);
  // Case 2: we will simply use tgt's anon_vma
  if (tgt.anonVma && !srcAnon) return !hadUncowedParents(tgt);
  // Case 3: the anon_vmas are already shared
  return tgt.anonVma === srcAnon;
}

/** The anon_vma (and its chain kind) a merged VMA ends up with: dup_anon_vma from whichever has one. */
function mergedAnon(parts: ReadonlyArray<{ anonVma: AnonVma | null; anonFromFork: boolean }>): {
  anonVma: AnonVma | null;
  anonFromFork: boolean;
} {
  for (const p of parts) if (p.anonVma) return { anonVma: p.anonVma, anonFromFork: p.anonFromFork };
  return { anonVma: null, anonFromFork: false };
}

/**
 * mm/vma.c: vma_merge_existing_range — [start, end) of `middle` is to get `attrs`;
 * merge with prev (at middle's start) and/or next (at middle's end) if compatible.
 * Returns the VMA now covering [start, end), or null when no merge is possible.
 * The caller sets the attributes (vm_flags_reset).
 */
function mergeExistingRange(k: Kernel, mm: Mm, middle: Vma, start: bigint, end: bigint, attrs: VmaAttrs): Vma | null {
  const leftSide = start === middle.start;
  const rightSide = end === middle.end;
  // mm/vma.c: vma_merge_existing_range — the range must touch middle's start or end
  if (!leftSide && !rightSide) return null;
  const prev = vmaPrev(mm, middle);
  const next = vmaNext(mm, middle);
  const pgoff = vmaPgoffAt(middle, start);
  const pglen = (end - start) >> 12n;
  const srcAnon = middle.anonVma;
  // mm/vma.c: can_vma_merge_left / can_vma_merge_after
  const mergeLeft =
    leftSide &&
    prev !== null &&
    prev.end === start &&
    isMergeableVma(k, prev, attrs, middle.shmem) &&
    isMergeableAnonVma(prev, middle, srcAnon) &&
    prev.pgoff + vmaPages(prev) === pgoff;
  // mm/vma.c: can_vma_merge_right / can_vma_merge_before; with prev too, prev and next anon_vmas must agree
  const mergeRight =
    rightSide &&
    next !== null &&
    next.start === end &&
    isMergeableVma(k, next, attrs, middle.shmem) &&
    isMergeableAnonVma(next, middle, srcAnon) &&
    next.pgoff === pgoff + pglen &&
    (!mergeLeft || !prev!.anonVma || !next.anonVma || prev!.anonVma === next.anonVma);
  if (!mergeLeft && !mergeRight) return null;

  let sticky = attrs.flags & VM_STICKY;
  if (mergeLeft && mergeRight) {
    // prev absorbs middle and next
    hit(k, 'merge:both');
    const anon = mergedAnon([prev!, middle, next!]);
    sticky |= (prev!.flags | next!.flags) & VM_STICKY;
    prev!.end = next!.end;
    removeVma(mm, middle);
    removeVma(mm, next!);
    Object.assign(prev!, anon);
    prev!.flags |= sticky;
    return prev!;
  }
  if (mergeLeft) {
    hit(k, rightSide ? 'merge:left-whole' : 'merge:left-part');
    // mm/vma.c: commit_merge -> vma_adjust_trans_huge — the boundary moves to `end`
    if (!rightSide) splitHugePmdAt(k, mm, end);
    const anon = mergedAnon([prev!, middle]);
    sticky |= prev!.flags & VM_STICKY;
    prev!.end = end;
    if (rightSide) removeVma(mm, middle);
    else {
      middle.pgoff = vmaPgoffAt(middle, end);
      middle.start = end;
    }
    Object.assign(prev!, anon);
    prev!.flags |= sticky;
    return prev!;
  }
  hit(k, leftSide ? 'merge:right-whole' : 'merge:right-part');
  // mm/vma.c: commit_merge -> vma_adjust_trans_huge — the boundary moves to `start`
  if (!leftSide) splitHugePmdAt(k, mm, start);
  const anon = mergedAnon([next!, middle]);
  sticky |= next!.flags & VM_STICKY;
  next!.start = start;
  next!.pgoff = pgoff;
  if (leftSide) removeVma(mm, middle);
  else middle.end = start;
  Object.assign(next!, anon);
  next!.flags |= sticky;
  return next!;
}

/**
 * mm/vma.c: vma_modify — merge if possible, else split off the parts of `vma`
 * outside [start, end) (split_vma, each failing ENOMEM at max_map_count; a first
 * split that succeeded stays when the second fails). Returns the VMA covering
 * exactly [start, end); the caller then applies the new attributes.
 */
export function vmaModify(k: Kernel, mm: Mm, vma: Vma, start: bigint, end: bigint, attrs: VmaAttrs): Vma | Errno {
  const merged = mergeExistingRange(k, mm, vma, start, end, attrs);
  if (merged) return merged;
  let middle = vma;
  if (middle.start < start) {
    const r = splitVma(k, mm, middle, start);
    if (typeof r === 'string') return r;
    hit(k, 'vma:split-start');
    middle = r[1];
  }
  if (middle.end > end) {
    const r = splitVma(k, mm, middle, end);
    if (typeof r === 'string') return r;
    hit(k, 'vma:split-end');
    middle = r[0];
  }
  return middle;
}

/**
 * vma_modify_flags + vm_flags_reset: give [start, end) of `vma` the attributes,
 * merging or splitting. Returns the VMA now covering [start, end).
 */
export function vmaModifyAttrs(k: Kernel, mm: Mm, vma: Vma, start: bigint, end: bigint, attrs: VmaAttrs): Vma | Errno {
  const r = vmaModify(k, mm, vma, start, end, attrs);
  if (typeof r === 'string') return r;
  const sticky = r.flags & VM_STICKY;
  r.prot = attrs.prot;
  r.flags = attrs.flags | sticky;
  r.pkey = attrs.pkey;
  return r;
}

/** What a new range brings to vma_merge_new_range. */
export interface NewRange {
  start: bigint;
  end: bigint;
  attrs: VmaAttrs;
  pgoff: bigint;
  shmem: Shmem | null;
  anonVma: AnonVma | null;
  anonFromFork: boolean;
  /** brk: only expand prev, never merge with next (vmg.just_expand). */
  justExpand?: boolean;
  /** vm_file of a trampfd mapping (mremap of one carries it). */
  trampfd?: Trampfd | null;
}

/**
 * mm/vma.c: vma_merge_new_range — try to cover [start, end) by expanding the
 * adjacent prev and/or next. Returns the expanded VMA, or null (caller creates one).
 */
export function mergeNewRange(k: Kernel, mm: Mm, r: NewRange): Vma | null {
  const { prev, next } = neighbours(mm, r.start, r.end);
  // mm/vma.c: vma_merge_new_range — nothing to merge with
  if (!prev && !next) return null;
  const pglen = (r.end - r.start) >> 12n;
  // mm/vma.c: can_vma_merge_left
  const canLeft =
    prev !== null &&
    prev.end === r.start &&
    isMergeableVma(k, prev, r.attrs, r.shmem) &&
    isMergeableAnonVma(prev, null, r.anonVma) &&
    prev.pgoff + vmaPages(prev) === r.pgoff;
  // mm/vma.c: can_vma_merge_right (not for brk's just_expand)
  const canRight =
    !r.justExpand &&
    next !== null &&
    next.start === r.end &&
    isMergeableVma(k, next, r.attrs, r.shmem) &&
    isMergeableAnonVma(next, null, r.anonVma) &&
    next.pgoff === r.pgoff + pglen &&
    (!canLeft || !prev!.anonVma || !next.anonVma || prev!.anonVma === next.anonVma);
  if (!canLeft && !canRight) return null;
  const src = { anonVma: r.anonVma, anonFromFork: r.anonFromFork };
  const sticky = r.attrs.flags & VM_STICKY;
  if (canLeft && canRight) {
    hit(k, 'merge:new-both');
    const anon = mergedAnon([prev!, src, next!]);
    prev!.end = next!.end;
    prev!.flags |= sticky | (next!.flags & VM_STICKY);
    removeVma(mm, next!);
    Object.assign(prev!, anon);
    return prev!;
  }
  if (canLeft) {
    hit(k, 'merge:new-left');
    const anon = mergedAnon([prev!, src]);
    prev!.end = r.end;
    prev!.flags |= sticky;
    Object.assign(prev!, anon);
    return prev!;
  }
  hit(k, 'merge:new-right');
  const anon = mergedAnon([next!, src]);
  next!.start = r.start;
  next!.pgoff = r.pgoff;
  next!.flags |= sticky;
  Object.assign(next!, anon);
  return next!;
}

/** A new VMA record for a range (vm_area_alloc + vma_set_range). */
export function newVma(r: NewRange): Vma {
  return {
    start: r.start,
    end: r.end,
    prot: r.attrs.prot,
    flags: r.attrs.flags,
    pkey: r.attrs.pkey,
    pgoff: r.pgoff,
    shmem: r.shmem,
    anonVma: r.anonVma,
    anonFromFork: r.anonFromFork,
    trampfd: r.trampfd ?? null,
  };
}

/**
 * mm/rmap.c: anon_vma_compatible — adjacent, same vm_file, same vm_flags except
 * the access flags (VM_READ|VM_WRITE|VM_EXEC) and VM_IGNORE_MERGE (the sticky
 * VM_MAYBE_GUARD; seen on the live kernel: a guarded neighbour's anon_vma is shared),
 * pgoff continuity.
 */
function anonVmaCompatible(a: Vma, b: Vma): boolean {
  return a.end === b.start && a.shmem === b.shmem && ((a.flags ^ b.flags) & ~VM_STICKY) === 0 && a.pkey === b.pkey && b.pgoff === a.pgoff + vmaPages(a);
}

/**
 * mm/rmap.c: __anon_vma_prepare — give the VMA an anon_vma: reuse an adjacent
 * compatible VMA's (find_mergeable_anon_vma: next first, then prev; only if that
 * VMA's chain is singular), else allocate a new one.
 */
export function anonVmaPrepare(k: Kernel, mm: Mm, vma: Vma): void {
  if (vma.anonVma) return;
  const next = vmaNext(mm, vma);
  // mm/rmap.c: find_mergeable_anon_vma / reusable_anon_vma — try next first
  if (next && anonVmaCompatible(vma, next) && next.anonVma && !next.anonFromFork) {
    hit(k, 'anon_vma:reuse-next');
    vma.anonVma = next.anonVma;
    vma.anonFromFork = false;
    return;
  }
  const prev = vmaPrev(mm, vma);
  if (prev && anonVmaCompatible(prev, vma) && prev.anonVma && !prev.anonFromFork) {
    hit(k, 'anon_vma:reuse-prev');
    vma.anonVma = prev.anonVma;
    vma.anonFromFork = false;
    return;
  }
  hit(k, 'anon_vma:new');
  vma.anonVma = newAnonVma(k);
  vma.anonFromFork = false;
}
