// VMA merging (mm/vma.c, 6.18): vma_merge_existing_range() + split for flag changes
// (vma_modify_flags), and vma_merge_new_range() for new ranges (mmap, brk, mremap's
// copy_vma). Mergeable = adjacent, flags equal ignoring the sticky VM_MAYBE_GUARD,
// same shmem file, pgoff continuous, anon_vmas compatible (6.18 is_mergeable_anon_vma:
// a fork child's inherited anon_vma never merges with an anon_vma-less side).

import { VMF } from '../abi/vmflags.js';
import type { Kernel, Proc } from './kernel.js';
import { F_PROT, F_STICKY } from './vma.js';

const MERGE_IGNORES = F_STICKY;
/** Mergeable flags: equal but for the sticky bits, and not VM_SPECIAL (the VM_DONTEXPAND of a trampfd or hugetlb VMA). */
const flagsEq = (a: number, b: number): boolean => ((a ^ b) & ~MERGE_IGNORES) === 0 && !(a & (VMF.TRAMPFD | VMF.HUGETLB));

/** vmaModify()'s result for a split a hugetlb VMA refuses (EINVAL). */
export const SPLIT_EINVAL = -2;

/** is_mergeable_anon_vma(): target VMA t vs the source (anon, fork child?). */
function anonOk(k: Kernel, t: number, srcAnon: number, srcFork: number): boolean {
  const ta = k.vp.anon[t];
  if (!ta && srcAnon) return !srcFork;
  if (ta && !srcAnon) return !k.vp.fork[t];
  return ta === srcAnon;
}

/** prev and next must also be compatible with each other when both merge. */
function pairOk(k: Kernel, a: number, b: number): boolean {
  const x = k.vp.anon[a];
  const y = k.vp.anon[b];
  return !x || !y || x === y;
}

/** dup_anon_vma(dst, src): give dst src's anon_vma (and chain) if it has none. */
function dupAnon(k: Kernel, dst: number, src: number): void {
  const vp = k.vp;
  if (vp.anon[src] && !vp.anon[dst]) {
    vp.anon[dst] = vp.anon[src];
    vp.fork[dst] = vp.fork[src];
  }
}

/**
 * vma_modify_flags(): give [vs, ve) (inside VMA r) the flags fl, merging with a
 * neighbour where possible, else splitting (split_vma: ENOMEM at max_map_count; a
 * first split stays if the second fails). Returns the VMA now covering [vs, ve), -1 for
 * ENOMEM or SPLIT_EINVAL (-2) for a hugetlb VMA split off its huge page boundary. The caller sets the final flags on the returned VMA.
 */
export function vmaModify(k: Kernel, mm: Proc, r: number, vs: number, ve: number, fl: number): number {
  const vp = k.vp;
  const tree = mm.tree;
  const left = vs === vp.vs[r];
  const right = ve === vp.ve[r];
  if (left || right) {
    const pgoff = vp.pg[r] + (vs - vp.vs[r]);
    const shm = vp.shm[r];
    const sa = vp.anon[r];
    const sf = vp.fork[r];
    const prev = left ? tree.prev(r) : -1;
    const mergeLeft =
      prev >= 0 && vp.ve[prev] === vs && flagsEq(vp.fl[prev], fl) && vp.shm[prev] === shm &&
      anonOk(k, prev, sa, sf) && vp.pg[prev] + (vp.ve[prev] - vp.vs[prev]) === pgoff;
    const next = right ? tree.next(r) : -1;
    const mergeRight =
      next >= 0 && vp.vs[next] === ve && flagsEq(vp.fl[next], fl) && vp.shm[next] === shm &&
      anonOk(k, next, sa, sf) && vp.pg[next] === pgoff + (ve - vs) && (!mergeLeft || pairOk(k, prev, next));
    const sticky = fl & F_STICKY;
    if (mergeLeft && mergeRight) {
      dupAnon(k, prev, vp.anon[next] ? next : r);
      vp.fl[prev] = fl | sticky | (vp.fl[prev] & F_STICKY) | (vp.fl[next] & F_STICKY);
      const end = vp.ve[next];
      k.dropVma(mm, r);
      k.dropVma(mm, next);
      k.setEnd(mm, prev, end);
      return prev;
    }
    if (mergeLeft) {
      dupAnon(k, prev, r);
      vp.fl[prev] = fl | (vp.fl[prev] & F_STICKY);
      if (right) k.dropVma(mm, r);
      else k.setStart(mm, r, ve);
      k.setEnd(mm, prev, ve);
      return prev;
    }
    if (mergeRight) {
      dupAnon(k, next, r);
      vp.fl[next] = fl | (vp.fl[next] & F_STICKY);
      if (left) k.dropVma(mm, r);
      else k.setEnd(mm, r, vs);
      k.setStart(mm, next, vs);
      return next;
    }
  }
  // split_vma(): the map_count limit (ENOMEM), then __split_vma's may_split (a hugetlb VMA off
  // the huge page boundary: EINVAL)
  if (vp.vs[r] < vs) {
    if (mm.mapCount >= k.maxMapCount) return -1;
    if (k.hugeSplitBad(r, vs)) return SPLIT_EINVAL;
    r = k.splitVma(mm, r, vs);
  }
  if (vp.ve[r] > ve) {
    if (mm.mapCount >= k.maxMapCount) return -1;
    if (k.hugeSplitBad(r, ve)) return SPLIT_EINVAL;
    k.splitVma(mm, r, ve);
  }
  return r;
}

/**
 * vma_merge_new_range(): extend a neighbour over the new range [vs, ve) instead of
 * creating a VMA. anon/fork describe the source (copy_vma; 0 for mmap and brk).
 * justExpand (brk) only tries the previous VMA. Returns the merged VMA or -1.
 */
export function mergeNew(
  k: Kernel, mm: Proc, vs: number, ve: number, fl: number, pgoff: number, shm: number,
  anon: number, fork: number, justExpand: boolean,
): number {
  const vp = k.vp;
  const tree = mm.tree;
  const prev = tree.findLE(vs - 1);
  const next = justExpand ? -1 : tree.lowerBound(ve);
  const canLeft =
    prev >= 0 && vp.ve[prev] === vs && flagsEq(vp.fl[prev], fl) && vp.shm[prev] === shm &&
    anonOk(k, prev, anon, fork) && vp.pg[prev] + (vp.ve[prev] - vp.vs[prev]) === pgoff;
  const canRight =
    next >= 0 && vp.vs[next] === ve && flagsEq(vp.fl[next], fl) && vp.shm[next] === shm &&
    anonOk(k, next, anon, fork) && vp.pg[next] === pgoff + (ve - vs) && (!canLeft || pairOk(k, prev, next));
  const sticky = fl & F_STICKY;
  if (canLeft) {
    let end = ve;
    if (canRight) {
      end = vp.ve[next];
      dupAnon(k, prev, next);
      vp.fl[prev] |= sticky | (vp.fl[next] & F_STICKY);
      k.dropVma(mm, next);
    } else vp.fl[prev] |= sticky;
    if (anon && !vp.anon[prev]) {
      vp.anon[prev] = anon;
      vp.fork[prev] = fork;
    }
    k.setEnd(mm, prev, end);
    return prev;
  }
  if (canRight) {
    vp.fl[next] |= sticky;
    if (anon && !vp.anon[next]) {
      vp.anon[next] = anon;
      vp.fork[next] = fork;
    }
    vp.pg[next] = pgoff + (ve - vs); // unchanged; setStart rebases it
    k.setStart(mm, next, vs);
    return next;
  }
  return -1;
}

/**
 * anon_vma_prepare() → find_mergeable_anon_vma(): reuse a neighbour's anon_vma when the
 * neighbour is adjacent, differs only in R/W/X, continues the pgoff and its chain is
 * singular (not a fork child); else allocate a new one.
 */
export function anonPrepare(k: Kernel, mm: Proc, r: number): void {
  const vp = k.vp;
  if (vp.anon[r]) return;
  const next = mm.tree.next(r);
  if (next >= 0 && anonCompatible(k, r, next) && vp.anon[next] && !vp.fork[next]) {
    vp.anon[r] = vp.anon[next];
    vp.fork[r] = 0;
    return;
  }
  const prev = mm.tree.prev(r);
  if (prev >= 0 && anonCompatible(k, prev, r) && vp.anon[prev] && !vp.fork[prev]) {
    vp.anon[r] = vp.anon[prev];
    vp.fork[r] = 0;
    return;
  }
  vp.anon[r] = vp.newAnonVma();
  vp.fork[r] = 0;
}

/**
 * anon_vma_compatible(): a right before b, same file, flags equal but for R/W/X and the
 * VM_IGNORE_MERGE (sticky VM_MAYBE_GUARD) flags, pgoff continuous. The live 6.18 kernel
 * shares the anon_vma of a guarded neighbour (a later mprotect then merges them).
 */
function anonCompatible(k: Kernel, a: number, b: number): boolean {
  const vp = k.vp;
  return (
    vp.ve[a] === vp.vs[b] && vp.shm[a] === vp.shm[b] && ((vp.fl[a] ^ vp.fl[b]) & ~(F_PROT | F_STICKY)) === 0 &&
    vp.pg[b] === vp.pg[a] + (vp.vs[b] - vp.vs[a])
  );
}
