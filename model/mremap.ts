// mremap (mm/mremap.c, 6.17+ vma_remap_struct form: do_mremap, check_mremap_params,
// check_prep_vma, remap_move, mremap_to, mremap_at, move_vma, copy_vma in mm/vma.c).
//
// Checks (SEMANTICS §6.1), first failing wins (lengths are PAGE_ALIGNed first):
//   flags & ~(MAYMOVE|FIXED|DONTUNMAP)                 -> EINVAL
//   addr unaligned                                     -> EINVAL
//   new_len == 0, new_len > TASK_SIZE                  -> EINVAL
//   FIXED or DONTUNMAP: new_addr > TASK_SIZE - new_len, new_addr unaligned, no MAYMOVE,
//     DONTUNMAP with old_len != new_len, ranges overlap -> EINVAL;
//     map_count + 2 >= max_map_count - 3               -> ENOMEM
//   FIXED with old_len == new_len: move every VMA piece of [addr, addr+old_len)
//     (hole at the start -> EFAULT; each piece checked like below; earlier pieces stay moved)
//   else the VMA containing addr: none -> EFAULT; sealed -> EPERM; for growth or a move:
//     old_len == 0 on a private VMA -> EINVAL; DONTUNMAP of a VM_DONTEXPAND VMA (trampfd) -> EINVAL;
//     [addr, addr+old_len) past the VMA end -> EFAULT; growing a VM_DONTEXPAND VMA -> EFAULT
//   a move's destination comes from get_unmapped_area, the trampfd's own for a trampfd VMA
//   (which refuses MAP_FIXED: EINVAL, after the FIXED destination was unmapped); a multi-VMA
//   move with a trampfd VMA in it (first or later) -> EFAULT (vma_multi_allowed)
//   a VM_ACCOUNT VMA charged more pages than RAM + swap -> ENOMEM: growth in place (before
//     merging; no move is tried), a move (after the map_count check; a shrinking move's
//     charge is the part already cut off, DONTUNMAP's is new_len)
// Actions: shrink = munmap of the tail; same size = no-op; growth in place when the space
// after the VMA is free, else a move if MAYMOVE (else ENOMEM); FIXED unmaps the destination
// first; a move copies the VMA (merging at the destination), moves the PTEs as they are,
// then unmaps the source (DONTUNMAP: keeps it, empty, unlocked). Returns the (new) address.

import { MAP, MREMAP, NotModelled, TASK_SIZE, VMF } from '../abi/index.js';
import { hit, mapCount, type Errno, type Kernel, type Mm, type Process, type Vma } from './mm.js';
import { doMunmap } from './munmap.js';
import { vmEnoughMemory } from './overcommit.js';
import { mmPopulate } from './populate.js';
import { canModifyMm, sealsUpFront } from './seal.js';
import { HPAGE_PMD_SIZE, moveHugePmds, tablesInRange } from './thp.js';
import { trampfdGetUnmappedArea } from './trampfd.js';
import { getUnmappedArea } from './unmapped.js';
import {
  attrsOf,
  findVmaIntersection,
  insertVma,
  mergeNewRange,
  newVma,
  vmaIsAnonymous,
  vmaIsSealed,
  vmaIsShared,
  vmaLookup,
  vmaPgoffAt,
  vmasInRange,
} from './vma.js';
import { ptePagesInRange } from './zap.js';

const U64 = (1n << 64n) - 1n;
const PAGE_ALIGN = (x: bigint) => (x + 0xfffn) & ~0xfffn & U64;

type RemapType = 'no-resize' | 'shrink' | 'expand';

/** mm/mremap.c: struct vma_remap_struct (the parts the model needs). */
interface Vrm {
  addr: bigint;
  oldLen: bigint;
  newLen: bigint;
  flags: number;
  newAddr: bigint;
  delta: bigint;
  type: RemapType;
  populateExpand: boolean;
}

function impliesNewAddr(vrm: Vrm): boolean {
  return (vrm.flags & (MREMAP.FIXED | MREMAP.DONTUNMAP)) !== 0;
}

/** SYSCALL_DEFINE5(mremap, ...) -> mm/mremap.c: do_mremap. */
export function sysMremap(k: Kernel, p: Process, addr: bigint, oldLen: bigint, newLen: bigint, flags: bigint, newAddr: bigint): bigint | Errno {
  // mm/mremap.c: do_mremap — lengths are page aligned before any check
  const vrm: Vrm = {
    addr,
    oldLen: PAGE_ALIGN(oldLen),
    newLen: PAGE_ALIGN(newLen),
    flags: 0,
    newAddr,
    delta: 0n,
    type: 'no-resize',
    populateExpand: false,
  };
  const err = checkMremapParams(k, p, vrm, flags);
  if (err) return err;
  // mm/mremap.c: check_prep_vma / remap_move — a hugetlb VMA has its own rules (lengths rounded to the huge
  // page, growth refused, alignment of a move): not modelled
  const src = vmaLookup(p.mm, vrm.addr);
  const srcEnd = vrm.addr + (vrm.oldLen > 0n ? vrm.oldLen : 1n);
  if ((src && src.flags & VMF.HUGETLB) || vmasInRange(p.mm, vrm.addr, srcEnd > U64 ? U64 : srcEnd).some((v) => v.flags & VMF.HUGETLB)) {
    hit(k, 'hugetlb:mremap');
    throw new NotModelled('mremap of a hugetlb VMA');
  }
  // mm/mremap.c (6.10): mremap — can_modify_mm on the source up front
  if (sealsUpFront(k) && !canModifyMm(p.mm, vrm.addr, (vrm.addr + vrm.oldLen) & U64)) {
    hit(k, 'mremap:sealed-EPERM-upfront');
    return 'EPERM';
  }
  let res: bigint | Errno;
  // mm/mremap.c: vrm_move_only — MREMAP_FIXED with old_len == new_len (6.17+: several VMAs)
  if (vrm.flags & MREMAP.FIXED && vrm.oldLen === vrm.newLen && !sealsUpFront(k)) {
    res = remapMove(k, p, vrm);
  } else {
    const vma = vmaLookup(p.mm, vrm.addr);
    const e = checkPrepVma(k, vrm, vma);
    if (e) return e;
    res = impliesNewAddr(vrm) ? mremapTo(k, p, vrm) : mremapAt(k, p, vrm, vma!);
  }
  // mm/mremap.c: do_mremap — a locked VMA that grew is populated
  if (typeof res !== 'string' && vrm.populateExpand) {
    hit(k, 'mremap:locked-populate');
    mmPopulate(k, p, vrm.newAddr + vrm.oldLen, vrm.delta);
  }
  return res;
}

/** mm/mremap.c: check_mremap_params. */
function checkMremapParams(k: Kernel, p: Process, vrm: Vrm, flags: bigint): Errno | null {
  // mm/mremap.c: check_mremap_params — ensure no unexpected flag values
  if (flags & ~BigInt(MREMAP.MAYMOVE | MREMAP.FIXED | MREMAP.DONTUNMAP)) {
    hit(k, 'mremap:flags-EINVAL');
    return 'EINVAL';
  }
  vrm.flags = Number(flags);
  if (vrm.addr & 0xfffn) {
    hit(k, 'mremap:unaligned-EINVAL');
    return 'EINVAL';
  }
  // mm/mremap.c: check_mremap_params — a zero new-len is nonsensical
  if (vrm.newLen === 0n || vrm.newLen > TASK_SIZE) {
    hit(k, 'mremap:newlen-EINVAL');
    return 'EINVAL';
  }
  // mm/mremap.c: check_mremap_params — the rest is for cases with a specific new_addr
  if (!impliesNewAddr(vrm)) return null;
  if (vrm.newAddr > TASK_SIZE - vrm.newLen || vrm.newAddr & 0xfffn) {
    hit(k, 'mremap:newaddr-EINVAL');
    return 'EINVAL';
  }
  // mm/mremap.c: check_mremap_params — a fixed address implies a move
  if (!(vrm.flags & MREMAP.MAYMOVE)) {
    hit(k, 'mremap:nomaymove-EINVAL');
    return 'EINVAL';
  }
  // mm/mremap.c: check_mremap_params — MREMAP_DONTUNMAP does not allow resizing
  if (vrm.flags & MREMAP.DONTUNMAP && vrm.oldLen !== vrm.newLen) {
    hit(k, 'mremap:dontunmap-resize-EINVAL');
    return 'EINVAL';
  }
  // mm/mremap.c: vrm_overlaps — target must not overlap source
  const endOld = (vrm.addr + vrm.oldLen) & U64;
  const endNew = (vrm.newAddr + vrm.newLen) & U64;
  if (endOld > vrm.newAddr && endNew > vrm.addr) {
    hit(k, 'mremap:overlap-EINVAL');
    return 'EINVAL';
  }
  // mm/mremap.c: check_mremap_params — stay 4 maps below the threshold
  if (mapCount(p.mm) + 2 >= k.cfg.maxMapCount - 3) {
    hit(k, 'mremap:map_count-ENOMEM');
    return 'ENOMEM';
  }
  return null;
}

/** mm/mremap.c: check_prep_vma. */
function checkPrepVma(k: Kernel, vrm: Vrm, vma: Vma | null): Errno | null {
  if (!vma) {
    hit(k, 'mremap:novma-EFAULT');
    return 'EFAULT';
  }
  // mm/mremap.c: check_prep_vma — if mseal()'d, mremap() is prohibited
  if (vmaIsSealed(vma)) {
    hit(k, 'mremap:sealed-EPERM');
    return 'EPERM';
  }
  // mm/mremap.c: vrm_set_delta / vrm_remap_type
  vrm.delta = vrm.newLen > vrm.oldLen ? vrm.newLen - vrm.oldLen : vrm.oldLen - vrm.newLen;
  vrm.type = vrm.newLen === vrm.oldLen ? 'no-resize' : vrm.newLen < vrm.oldLen ? 'shrink' : 'expand';
  if (!impliesNewAddr(vrm)) vrm.newAddr = vrm.addr;
  // mm/mremap.c: check_prep_vma — below only meaningful if we expand or move
  if (vrm.type !== 'expand' && !impliesNewAddr(vrm)) return null;
  // mm/mremap.c: check_prep_vma — "duplicating" a private mapping with old_len 0
  if (vrm.oldLen === 0n && !vmaIsShared(vma)) {
    hit(k, 'mremap:dup-private-EINVAL');
    return 'EINVAL';
  }
  // mm/mremap.c: check_prep_vma — MREMAP_DONTUNMAP of VM_DONTEXPAND|VM_PFNMAP
  if (vrm.flags & MREMAP.DONTUNMAP && vma.trampfd) {
    hit(k, 'mremap:dontunmap-dontexpand-EINVAL');
    return 'EINVAL';
  }
  // mm/mremap.c: check_prep_vma — a shrink may cross VMA ends; the moved part may not
  const oldLen = vrm.type === 'shrink' ? vrm.newLen : vrm.oldLen;
  if (oldLen > vma.end - vrm.addr) {
    hit(k, 'mremap:past-vma-EFAULT');
    return 'EFAULT';
  }
  if (vrm.newLen === oldLen) return null;
  // mm/mremap.c: check_prep_vma — a growing mapping: VM_DONTEXPAND|VM_PFNMAP (a trampfd VMA)
  if (vma.trampfd) {
    hit(k, 'mremap:grow-dontexpand-EFAULT');
    return 'EFAULT';
  }
  // mm/mremap.c: check_prep_vma — expanding an mlock()'d VMA populates it
  if (vma.flags & VMF.LOCKED) vrm.populateExpand = true;
  return null;
}

/** mm/mremap.c: mremap_at — resize without a specified new address. */
function mremapAt(k: Kernel, p: Process, vrm: Vrm, vma: Vma): bigint | Errno {
  switch (vrm.type) {
    case 'no-resize':
      hit(k, 'mremap:same-size');
      return vrm.addr;
    case 'shrink': {
      // mm/mremap.c: shrink_vma — unmap the tail
      const r = doMunmap(k, p.mm, vrm.addr + vrm.newLen, vrm.delta);
      if (typeof r === 'string') return r;
      hit(k, 'mremap:shrink');
      return vrm.addr;
    }
    case 'expand':
      return expandVma(k, p, vrm, vma);
  }
}

/** mm/mremap.c: expand_vma — in place if possible, else move (MAYMOVE) or ENOMEM. */
function expandVma(k: Kernel, p: Process, vrm: Vrm, vma: Vma): bigint | Errno {
  // mm/mremap.c: vrm_can_expand_in_place — [addr, old_len) must end at the VMA end, space free after
  if (vma.end - vrm.addr === vrm.oldLen && vmaExpandable(k, p, vma, vrm.delta)) {
    // mm/mremap.c: expand_vma_in_place — vrm_calc_charge first (no move is tried when it fails)
    if (!vrmCalcCharge(k, vrm, vma)) {
      hit(k, 'mremap:grow-overcommit-ENOMEM');
      return 'ENOMEM';
    }
    // mm/vma.c: vma_merge_extend — merge the extension into the VMA (and maybe the next)
    const merged = mergeNewRange(k, p.mm, {
      start: vma.end,
      end: vma.end + vrm.delta,
      attrs: attrsOf(vma),
      pgoff: vmaPgoffAt(vma, vma.end),
      shmem: vma.shmem,
      anonVma: vma.anonVma,
      anonFromFork: vma.anonFromFork,
    });
    if (!merged) throw new Error('model: vma_merge_extend failed');
    hit(k, 'mremap:grow-in-place');
    return vrm.addr;
  }
  // mm/mremap.c: expand_vma — we're not allowed to move the VMA
  if (!(vrm.flags & MREMAP.MAYMOVE)) {
    hit(k, 'mremap:grow-ENOMEM');
    return 'ENOMEM';
  }
  const e = vrmSetNewAddr(k, p, vrm, vma);
  if (e) return e;
  hit(k, 'mremap:grow-move');
  return moveVma(k, p, vrm);
}

/**
 * mm/mremap.c: vrm_calc_charge — a VM_ACCOUNT VMA is charged new_len with MREMAP_DONTUNMAP,
 * else delta: the growth, or for a shrinking move the part shrink_vma already cut off
 * (delta is not recomputed when mremap_to sets old_len = new_len; seen on the live kernel).
 */
function vrmCalcCharge(k: Kernel, vrm: Vrm, vma: Vma): boolean {
  if (!(vma.flags & VMF.ACCOUNT)) return true;
  const charged = (vrm.flags & MREMAP.DONTUNMAP ? vrm.newLen : vrm.delta) >> 12n;
  // mm/util.c: __vm_enough_memory — OVERCOMMIT_GUESS
  return vmEnoughMemory(k, charged);
}

/** mm/mremap.c: vma_expandable — no overflow, nothing mapped after, get_unmapped_area(MAP_FIXED) accepts. */
function vmaExpandable(k: Kernel, p: Process, vma: Vma, delta: bigint): boolean {
  const end = vma.end + delta;
  if (end > U64) return false;
  if (findVmaIntersection(p.mm, vma.end, end)) return false;
  const r = getUnmappedArea(k, p.mm, { shmem: false, addr: vma.start, len: end - vma.start, flags: MAP.FIXED, shadowStack: false });
  return typeof r !== 'string';
}

/** mm/mremap.c: mremap_to — the FIXED and/or DONTUNMAP cases. */
function mremapTo(k: Kernel, p: Process, vrm: Vrm): bigint | Errno {
  if (vrm.flags & MREMAP.FIXED) {
    // mm/mremap.c: mremap_to — munmap the destination first (a sealed one gives EPERM)
    const r = doMunmap(k, p.mm, vrm.newAddr, vrm.newLen);
    if (typeof r === 'string') {
      hit(k, `mremap:dest-${r}`);
      return r;
    }
    // mm/mremap.c (6.10): mremap_to — can_modify_mm on the source; a wrapped end (old_len near 2^64) finds no VMA (for_each_vma_range)
    if (sealsUpFront(k) && !canModifyMm(p.mm, vrm.addr, (vrm.addr + vrm.oldLen) & U64)) return 'EPERM';
    // mm/mremap.c: mremap_to — the source VMA may have been split by that munmap: look again
    if (!vmaLookup(p.mm, vrm.addr)) {
      hit(k, 'mremap:src-gone-EFAULT');
      return 'EFAULT';
    }
  }
  if (vrm.type === 'shrink') {
    // mm/mremap.c: shrink_vma (drop_lock = false), then move only new_len
    const r = doMunmap(k, p.mm, vrm.addr + vrm.newLen, vrm.delta);
    if (typeof r === 'string') return r;
    if (!vmaLookup(p.mm, vrm.addr)) return 'EFAULT';
    vrm.oldLen = vrm.newLen;
    hit(k, 'mremap:shrink-move');
  }
  const e = vrmSetNewAddr(k, p, vrm, vmaLookup(p.mm, vrm.addr)!);
  if (e) return e;
  return moveVma(k, p, vrm);
}

/** mm/mremap.c: vrm_set_new_addr — get_unmapped_area for the destination. */
function vrmSetNewAddr(k: Kernel, p: Process, vrm: Vrm, vma: Vma): Errno | null {
  let flags = 0;
  if (vrm.flags & MREMAP.FIXED) flags |= MAP.FIXED;
  if (vmaIsShared(vma)) flags |= MAP.SHARED;
  // mm/mremap.c: vrm_set_new_addr — get_unmapped_area(vma->vm_file, ...) (no vm_flags: no shadow-stack gap)
  const pgoff = vmaPgoffAt(vma, vrm.addr);
  const r = getUnmappedArea(k, p.mm, {
    shmem: vma.shmem !== null,
    addr: impliesNewAddr(vrm) ? vrm.newAddr : 0n,
    len: vrm.newLen,
    flags,
    shadowStack: false,
    fileArea: vma.trampfd ? trampfdGetUnmappedArea(k, p.mm, pgoff, BigInt(flags)) : undefined,
  });
  if (typeof r === 'string') {
    hit(k, `mremap:area-${r}`);
    return r;
  }
  vrm.newAddr = r;
  return null;
}

/**
 * mm/mremap.c: move_vma — copy_vma to the destination (new pgoff if never faulted,
 * merging), move_page_tables (the PTEs move unchanged), then unmap the source, or
 * with DONTUNMAP leave it mapped and empty (VM_LOCKED cleared, anon_vma unlinked when
 * the whole VMA moved).
 */
function moveVma(k: Kernel, p: Process, vrm: Vrm): bigint | Errno {
  const mm = p.mm;
  // mm/mremap.c: prep_move_vma — avoid failure later in do_munmap
  if (mapCount(mm) >= k.cfg.maxMapCount - 3) {
    hit(k, 'mremap:move-map_count-ENOMEM');
    return 'ENOMEM';
  }
  const src = vmaLookup(mm, vrm.addr)!;
  // mm/mremap.c: move_vma — vrm_calc_charge after prep_move_vma
  if (!vrmCalcCharge(k, vrm, src)) {
    hit(k, vrm.type === 'shrink' ? 'mremap:shrink-move-overcommit-ENOMEM' : 'mremap:move-overcommit-ENOMEM');
    return 'ENOMEM';
  }
  const srcWhole = src.start === vrm.addr && src.end === vrm.addr + vrm.oldLen;
  // mm/vma.c: copy_vma — an anonymous VMA never faulted gets a pgoff matching the new place
  let pgoff = vmaPgoffAt(src, vrm.addr);
  if (vmaIsAnonymous(src) && !src.anonVma) {
    pgoff = vrm.newAddr >> 12n;
    hit(k, 'mremap:pgoff-reset');
  }
  const range = {
    start: vrm.newAddr,
    end: vrm.newAddr + vrm.newLen,
    attrs: attrsOf(src),
    pgoff,
    shmem: src.shmem,
    anonVma: src.anonVma,
    anonFromFork: src.anonFromFork,
    trampfd: src.trampfd,
  };
  const merged = mergeNewRange(k, mm, range);
  const dest = merged ?? newVma(range);
  if (!merged) insertVma(mm, dest);
  hit(k, merged ? 'mremap:move-merged' : 'mremap:move-new-vma');
  // mm/mremap.c: move_page_tables — entries keep their bits and frames; a huge PMD moves
  // whole or is split first (model/thp.ts)
  const delta = vrm.newAddr - vrm.addr;
  moveHugePmds(k, mm, vrm.addr, vrm.addr + vrm.oldLen, delta);
  movePteTables(mm, vrm.addr, vrm.addr + vrm.oldLen, delta);
  for (const page of ptePagesInRange(mm, vrm.addr, vrm.addr + vrm.oldLen)) {
    const pte = mm.ptes.get(page)!;
    mm.ptes.delete(page);
    mm.ptes.set(page + (delta >> 12n), pte);
  }
  if (vrm.flags & MREMAP.DONTUNMAP) {
    // mm/mremap.c: dontunmap_complete
    const old = vmaLookup(mm, vrm.addr);
    if (old) {
      old.flags &= ~VMF.LOCKED;
      if (old !== dest && srcWhole) {
        old.anonVma = null;
        old.anonFromFork = false;
      }
    }
    hit(k, 'mremap:dontunmap');
  } else {
    // mm/mremap.c: unmap_source_vma (VM_ACCOUNT stays on what remains of the source)
    doMunmap(k, mm, vrm.addr, vrm.oldLen);
  }
  return vrm.newAddr;
}

/**
 * mm/mremap.c: move_page_tables — the PTE tables: a destination block gets one wherever the
 * source range it receives had one (get_old_pmd finds it, pte_alloc makes the new one); a
 * source block moved whole to an aligned place takes its table along (move_normal_pmd), so
 * the source block is pmd_none after it.
 */
function movePteTables(mm: Mm, start: bigint, end: bigint, delta: bigint): void {
  // mm/mremap.c: move_page_tables — its loop runs while old_addr < old_end: nothing for old_len 0
  if (end <= start) return;
  const SZ = HPAGE_PMD_SIZE;
  const add: bigint[] = [];
  for (const b of tablesInRange(mm, start >> 21n, (end + SZ - 1n) >> 21n)) {
    const lo = b * SZ > start ? b * SZ : start;
    const hi = (b + 1n) * SZ < end ? (b + 1n) * SZ : end;
    for (let d = (lo + delta) >> 21n; d < (hi + delta + SZ - 1n) >> 21n; d++) add.push(d);
    if (lo === b * SZ && hi === (b + 1n) * SZ && ((lo + delta) & (SZ - 1n)) === 0n) mm.pteTables.delete(b);
  }
  for (const d of add) mm.pteTables.add(d);
}

/**
 * mm/mremap.c: remap_move — MREMAP_FIXED, old_len == new_len: move each VMA piece of
 * [addr, addr+old_len), keeping the gaps between them at the destination.
 */
function remapMove(k: Kernel, p: Process, vrm: Vrm): bigint | Errno {
  const start = vrm.addr;
  // unsigned long arithmetic: a wrapped end finds no VMA (-> EFAULT)
  const end = (vrm.addr + vrm.oldLen) & U64;
  const pieces = vmasInRange(p.mm, start, end).map((v) => ({ start: v.start, end: v.end, trampfd: v.trampfd }));
  let res: bigint | Errno = 'EFAULT';
  let target = vrm.newAddr;
  let lastEnd = 0n;
  let seen = false;
  for (const v of pieces) {
    const addr = v.start > start ? v.start : start;
    const len = (end < v.end ? end : v.end) - addr;
    // mm/mremap.c: remap_move — no gap permitted at the start of the range
    if (!seen && start < v.start) {
      hit(k, 'mremap:move-start-hole-EFAULT');
      return 'EFAULT';
    }
    const offset = seen ? v.start - lastEnd : 0n;
    lastEnd = v.end;
    // mm/mremap.c: remap_move — !vma_multi_allowed (a file with its own get_unmapped_area: a trampfd):
    // not the first VMA, or the first but the range goes on past it -> EFAULT before anything moves
    if (v.trampfd && (seen || v.end < end)) {
      hit(k, 'mremap:move-multi-trampfd-EFAULT');
      return 'EFAULT';
    }
    const sub: Vrm = { ...vrm, addr, newAddr: target + offset, oldLen: len, newLen: len, populateExpand: false };
    const vma = vmaLookup(p.mm, addr);
    const e = checkPrepVma(k, sub, vma);
    const r = e ?? mremapTo(k, p, sub);
    if (typeof r === 'string') {
      if (seen) hit(k, 'mremap:move-partial');
      return r;
    }
    if (!seen) res = r;
    if (seen) hit(k, 'mremap:move-multi');
    seen = true;
    target = r + len;
  }
  return res;
}
