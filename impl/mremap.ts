// mremap (SEMANTICS §6, mm/mremap.c 6.17+ vma_remap_struct form):
//   check_mremap_params: EINVAL flags, addr unaligned, new_len 0 or > TASK_SIZE; with
//   FIXED|DONTUNMAP: EINVAL new_addr range/alignment, !MAYMOVE, DONTUNMAP resize, overlap;
//   ENOMEM map_count + 2 >= max - 3 | move-only (FIXED, same size): every VMA piece moved,
//   EFAULT hole at start | else vma_lookup EFAULT, EPERM sealed, EINVAL old_len 0 private,
//   EFAULT range beyond the VMA | shrink (munmap tail), no-op, expand in place / move
//   (ENOMEM without MAYMOVE), mremap_to (FIXED unmaps the destination first). An accounted
//   VMA's charge over RAM + swap is ENOMEM: the growth in place, a move's growth (or the
//   shrunk-off tail, or DONTUNMAP's new_len) after the map_count check.

import { MAP, MREMAP } from '../abi/constants.js';
import { err, type Result } from '../abi/result.js';
import { VMF } from '../abi/vmflags.js';
import { alignWraps, isBig, lo12, num, pagesUp } from './args.js';
import { populate } from './fault.js';
import { PAGE, TASK_PAGES, type Kernel, type Proc } from './kernel.js';
import { mergeNew } from './merge.js';
import { doMunmap } from './munmap.js';
import { getUnmappedArea } from './unmapped.js';
import { HPAGE, splitHuge } from './hugepmd.js';

const EINVAL = err('EINVAL');
const EFAULT = err('EFAULT');
const ENOMEM = err('ENOMEM');

interface Req {
  addr: number; // pages
  oldLen: number; // pages
  newLen: number; // pages
  flags: number;
  newAddr: number; // pages
  /** The new_addr argument modulo 2 MiB (align_hugetlb looks at it even without FIXED/DONTUNMAP). */
  newAddrHuge: number;
}

export function sysMremap(k: Kernel, mm: Proc, a: readonly bigint[]): Result {
  const addrR = a[0];
  const oldR = a[1];
  const newR = a[2];
  const flagsR = a[3];
  const newAddrR = a[4];
  if (flagsR & ~BigInt(MREMAP.MAYMOVE | MREMAP.FIXED | MREMAP.DONTUNMAP)) return EINVAL;
  const flags = Number(flagsR);
  const oldLen = alignWraps(oldR) ? 0 : pagesUp(oldR);
  const newLen = alignWraps(newR) ? 0 : pagesUp(newR);
  if (lo12(addrR) !== 0) return EINVAL;
  if (newLen === 0) return EINVAL;
  if (newLen > TASK_PAGES) return EINVAL;
  const implies = (flags & (MREMAP.FIXED | MREMAP.DONTUNMAP)) !== 0;
  const addr = isBig(addrR) ? 2 ** 53 : num(addrR) / PAGE;
  let newAddr = 0;
  if (implies) {
    if (num(newAddrR) > (TASK_PAGES - newLen) * PAGE) return EINVAL;
    if (lo12(newAddrR) !== 0) return EINVAL;
    newAddr = num(newAddrR) / PAGE;
    if (!(flags & MREMAP.MAYMOVE)) return EINVAL;
    if (flags & MREMAP.DONTUNMAP && oldLen !== newLen) return EINVAL;
    if (overlaps(addrR, oldR, newAddrR, newLen)) return EINVAL;
    if (mm.mapCount + 2 >= k.maxMapCount - 3) return ENOMEM;
  }
  const q: Req = { addr, oldLen, newLen, flags, newAddr, newAddrHuge: Number(newAddrR & 0x1fffffn) };
  // 6.10 (mm/mremap.c: mremap, mremap_to): can_modify_mm(addr, addr + old_len) before any work
  if (k.profile === '6.10' && sourceSealed(k, mm, addrR, oldR)) return err('EPERM');
  // 6.17+ moves every VMA of the range; before, the range had to lie in one VMA
  if (flags & MREMAP.FIXED && oldLen === newLen && k.profile !== '6.10') return remapMove(k, mm, q);
  const r = mm.tree.find(addr);
  const e = checkPrep(k, r, q);
  if (e) return e;
  const res = implies ? mremapTo(k, mm, q) : mremapAt(k, mm, r, q);
  return typeof res === 'string' ? res : BigInt(res * PAGE);
}

/** can_modify_mm() over the source [addr, addr + PAGE_ALIGN(old_len)) in u64 arithmetic (a wrapped end: empty). */
function sourceSealed(k: Kernel, mm: Proc, addrR: bigint, oldR: bigint): boolean {
  const oldLen = alignWraps(oldR) ? 0n : (oldR + 0xfffn) & ~0xfffn;
  const end = (addrR + oldLen) & 0xffffffffffffffffn;
  if (end <= addrR || addrR >= 1n << 47n) return false;
  return k.rangeHasSeal(mm, Number(addrR) / PAGE, Math.ceil(Number(end) / PAGE));
}

/** vrm_overlaps() in u64 arithmetic: addr + old_len may wrap. */
function overlaps(addrR: bigint, oldR: bigint, newAddrR: bigint, newLen: number): boolean {
  const M = 0xffffffffffffffffn;
  const oldLen = alignWraps(oldR) ? 0n : (oldR + 0xfffn) & ~0xfffn;
  const endOld = (addrR + oldLen) & M;
  const endNew = (newAddrR + BigInt(newLen) * 4096n) & M;
  return endOld > newAddrR && endNew > addrR;
}

/** check_prep_vma(). */
function checkPrep(k: Kernel, r: number, q: Req): string | null {
  if (r < 0) return EFAULT;
  const vp = k.vp;
  const implies = (q.flags & (MREMAP.FIXED | MREMAP.DONTUNMAP)) !== 0;
  if (vp.fl[r] & VMF.SEALED) return err('EPERM');
  if (vp.fl[r] & VMF.HUGETLB) {
    // align_hugetlb(): both lengths rounded up to the huge page (the caller goes on with them),
    // the address and the new_addr argument — even when no flag uses it — on a huge page
    // boundary, no growth (seen on the live kernel: a hugetlb VMA shrinks and moves, never grows)
    q.oldLen = Math.ceil(q.oldLen / HPAGE) * HPAGE;
    q.newLen = Math.ceil(q.newLen / HPAGE) * HPAGE;
    if (q.addr % HPAGE !== 0 || q.newAddrHuge !== 0 || q.newLen > q.oldLen) return EINVAL;
  }
  if (!(q.newLen > q.oldLen || implies)) return null;
  if (q.oldLen === 0 && !(vp.fl[r] & VMF.SHARED)) return EINVAL;
  // VM_DONTEXPAND (a trampfd or hugetlb VMA): no DONTUNMAP, no growth
  const dontExpand = (vp.fl[r] & (VMF.TRAMPFD | VMF.HUGETLB)) !== 0;
  if (dontExpand && q.flags & MREMAP.DONTUNMAP) return EINVAL;
  // a shrink may span VMAs and holes: only the part kept must lie in the VMA (remap_is_valid)
  if (Math.min(q.oldLen, q.newLen) > vp.ve[r] - q.addr) return EFAULT;
  if (dontExpand && q.newLen > q.oldLen) return EFAULT;
  return null;
}

/** mremap_at(): shrink, no-op, or expand (in place, else move with MAYMOVE). */
function mremapAt(k: Kernel, mm: Proc, r: number, q: Req): number | string {
  if (q.newLen === q.oldLen) return q.addr;
  if (q.newLen < q.oldLen) {
    const e = doMunmap(k, mm, (q.addr + q.newLen) * PAGE, (q.oldLen - q.newLen) * PAGE, 0);
    return e ? err(e) : q.addr;
  }
  const vp = k.vp;
  const delta = q.newLen - q.oldLen;
  if (vp.ve[r] - q.addr === q.oldLen && expandable(k, mm, r, delta)) {
    // expand_vma_in_place(): an accounted VMA is charged the growth first; when overcommit
    // refuses it, that is the answer (no move is tried)
    if (vp.fl[r] & VMF.ACCOUNT && !k.enoughMemory(delta)) return ENOMEM;
    // vma_merge_extend(): the VMA grows over the new range, maybe merging with the next one
    const ve = vp.ve[r];
    const pg = vp.pg[r] + (ve - vp.vs[r]);
    const locked = (vp.fl[r] & VMF.LOCKED) !== 0;
    // vma_merge_extend() clears vmg->middle: no fork-child test on the source side
    mergeNew(k, mm, ve, ve + delta, vp.fl[r], pg, vp.shm[r], vp.anon[r], 0, false);
    if (locked) populate(k, mm, ve, ve + delta);
    return q.addr;
  }
  if (!(q.flags & MREMAP.MAYMOVE)) return ENOMEM;
  const na = newArea(k, mm, r, q, 0);
  if (typeof na === 'string') return na;
  q.newAddr = na;
  return moveVma(k, mm, q, delta);
}

/**
 * vma_expandable(): no VMA intersecting [vm_end, vm_end + delta) (find_vma_intersection;
 * the next VMA's stack guard gap is not consulted) and below TASK_SIZE.
 */
function expandable(k: Kernel, mm: Proc, r: number, delta: number): boolean {
  const end = k.vp.ve[r] + delta;
  if (end > TASK_PAGES) return false;
  const n = mm.tree.next(r);
  return n < 0 || end <= k.vp.vs[n];
}

/** vrm_set_new_addr(): the destination from get_unmapped_area (FIXED: new_addr itself). */
function newArea(k: Kernel, mm: Proc, r: number, q: Req, hint: number): number | string {
  let mf = 0;
  if (q.flags & MREMAP.FIXED) mf |= MAP.FIXED;
  const shm = k.vp.shm[r] !== 0;
  if (shm) mf |= MAP.SHARED;
  // the file's get_unmapped_area: trampfd's wants flags == MAP_PRIVATE, which mremap never passes
  if (k.vp.tfd[r]) return EINVAL;
  const res = getUnmappedArea(k, mm, hint * PAGE, q.newLen * PAGE, mf, shm);
  return typeof res === 'string' ? err(res as 'ENOMEM') : res / PAGE;
}

/** mremap_to(): FIXED and/or DONTUNMAP. */
function mremapTo(k: Kernel, mm: Proc, q: Req): number | string {
  if (q.flags & MREMAP.FIXED) {
    const e = doMunmap(k, mm, q.newAddr * PAGE, q.newLen * PAGE, 0);
    if (e) return err(e);
  }
  const r = mm.tree.find(q.addr);
  if (r < 0) return EFAULT;
  // vrm_calc_charge(): DONTUNMAP charges all of new_len, else the size difference — for a
  // shrinking move that is the tail shrink_vma already unmapped
  const charge = q.flags & MREMAP.DONTUNMAP ? q.newLen : Math.abs(q.newLen - q.oldLen);
  if (q.newLen < q.oldLen) {
    const e = doMunmap(k, mm, (q.addr + q.newLen) * PAGE, (q.oldLen - q.newLen) * PAGE, 0);
    if (e) return err(e);
    q.oldLen = q.newLen;
  }
  const na = newArea(k, mm, r, q, q.newAddr);
  if (typeof na === 'string') return na;
  q.newAddr = na;
  return moveVma(k, mm, q, charge);
}

/** remap_move(): MREMAP_FIXED with old_len == new_len moves every VMA piece of the range. */
function remapMove(k: Kernel, mm: Proc, q: Req): Result {
  const vp = k.vp;
  const start = q.addr;
  const end = q.addr + q.oldLen;
  let target = q.newAddr;
  let res: number | string = EFAULT;
  let seen = false;
  let lastEnd = 0;
  let cursor = start;
  // the walk resumes where the last source VMA ended (vma_iter_invalidate → mas_pause): once
  // that is past the range it ends, even if a merge made a VMA reach back into the range
  while (cursor < end) {
    const r = mm.tree.findVma(cursor);
    if (r < 0 || vp.vs[r] >= end) break;
    if (!seen && start < vp.vs[r]) return EFAULT;
    const ps = Math.max(vp.vs[r], start);
    const len = Math.min(end, vp.ve[r]) - ps;
    const offset = seen ? vp.vs[r] - lastEnd : 0;
    lastEnd = vp.ve[r];
    // vma_multi_allowed(): a file with its own get_unmapped_area (a trampfd) moves only alone
    if (vp.tfd[r] && (seen || vp.ve[r] < end)) return EFAULT;
    const piece: Req = { addr: ps, oldLen: len, newLen: len, flags: q.flags, newAddr: target + offset, newAddrHuge: (target + offset) % HPAGE };
    const e = checkPrep(k, r, piece);
    if (e) return e;
    const rv = mremapTo(k, mm, piece);
    if (typeof rv === 'string') return rv;
    if (!seen) res = rv;
    seen = true;
    target = rv + piece.newLen; // a hugetlb piece's length was rounded up to the huge page
    cursor = lastEnd; // the walk resumes after the VMA just handled (DONTUNMAP keeps it)
  }
  return typeof res === 'string' ? res : BigInt(res * PAGE);
}

/**
 * move_vma(): copy_vma at the destination, move the PTEs as they are, unmap the source.
 * charge: the pages vrm_calc_charge() asks of an accounted VMA, after prep_move_vma().
 */
function moveVma(k: Kernel, mm: Proc, q: Req, charge: number): number | string {
  if (mm.mapCount >= k.maxMapCount - 3) return ENOMEM;
  const vp = k.vp;
  const r = mm.tree.find(q.addr);
  const fl = vp.fl[r];
  if (fl & VMF.ACCOUNT && !k.enoughMemory(charge)) return ENOMEM;
  const shm = vp.shm[r];
  const anon = vp.anon[r];
  const fork = vp.fork[r];
  // an anon VMA never faulted gets a pgoff matching its new address (copy_vma)
  const pgoff = vp.isAnon(r) && !anon ? q.newAddr : vp.pg[r] + (q.addr - vp.vs[r]);
  const ne = q.newAddr + q.newLen;
  const nv = mergeNew(k, mm, q.newAddr, ne, fl, pgoff, shm, anon, fork, false);
  if (nv < 0) k.addVma(mm, q.newAddr, ne, pgoff, fl, anon, fork, shm);
  movePtes(k, mm, q.addr, q.newAddr, q.oldLen);
  if (q.flags & MREMAP.DONTUNMAP) {
    // dontunmap_complete(): the old VMA stays, empty, without VM_LOCKED
    const o = mm.tree.find(q.addr);
    if (o >= 0) {
      vp.fl[o] &= ~VMF.LOCKED; // VM_ACCOUNT stays (6.18 clears VM_LOCKED_MASK only)
      if (vp.vs[o] === q.addr && vp.ve[o] === q.addr + q.oldLen && mm.tree.find(q.newAddr) !== o) {
        vp.anon[o] = 0;
        vp.fork[o] = 0;
      }
    }
  } else if (q.oldLen > 0) {
    const o = mm.tree.findVma(q.addr);
    if (o >= 0 && vp.vs[o] < q.addr + q.oldLen && !k.gatherMunmap(mm, o, q.addr, q.addr + q.oldLen)) {
      k.unmapRange(mm, q.addr, q.addr + q.oldLen);
    }
  }
  if (fl & VMF.LOCKED && q.newLen > q.oldLen) populate(k, mm, q.newAddr + q.oldLen, ne);
  return q.newAddr;
}

/**
 * move_page_tables(): entries (present, protnone, guard markers) move unchanged. With THP:
 * a huge PMD moves whole (move_huge_pmd) when its block lands on an aligned block that has no
 * page table, else it is split and its PTEs move; a whole PTE table moves the same way
 * (move_normal_pmd: the source PMD becomes none); every extent whose source has a table gets
 * one at the destination (pte_alloc).
 */
function movePtes(k: Kernel, mm: Proc, from: number, to: number, n: number): void {
  const pt = k.pt;
  const thp = k.thp;
  if (thp) k.clipHuge(mm, from, from + n);
  const offs: number[] = [];
  const los: number[] = [];
  const his: number[] = [];
  const dests: number[] = []; // destination pages whose table must exist
  const huge: number[] = []; // (source table, source base, destination base) triples
  pt.walk(mm.pgd, from, from + n, (_c, t, i0, i1, base) => {
    if (thp) {
      const dbase = base + i0 - from + to;
      const whole = i0 === 0 && i1 === 512 && dbase % 512 === 0 && pt.leafOf(mm.pgd, dbase) < 0;
      if (pt.leafHuge[t]) {
        if (whole) {
          huge.push(t, base, dbase);
          return;
        }
        splitHuge(pt, k.fr, k.folios, mm.pid, t, k.vp.fl[mm.tree.find(base)]);
      }
      dests.push(dbase, dbase + (i1 - i0) - 1);
      if (whole) pt.dropThis = true; // the table moves: none left at the source
    }
    for (let i = i0; i < i1; i++) {
      const s = t * 512 + i;
      const l = pt.L[2 * s];
      const h = pt.L[2 * s + 1];
      if (l === 0 && h === 0) continue;
      offs.push(base + i - from);
      los.push(l);
      his.push(h);
      pt.set(s, 0, 0);
    }
  }, null);
  for (const d of dests) pt.ensure(mm.pgd, d);
  for (let j = 0; j < huge.length; j += 3) {
    const t = huge[j];
    const d0 = pt.ensure(mm.pgd, huge[j + 2]);
    pt.leafHuge[(d0 / 512) | 0] = 1;
    for (let i = 0; i < 512; i++) {
      const s = t * 512 + i;
      pt.set(d0 + i, pt.L[2 * s], pt.L[2 * s + 1]);
      pt.set(s, 0, 0);
    }
    pt.leafHuge[t] = 0;
    pt.dropLeaf(mm.pgd, huge[j + 1]);
  }
  for (let j = 0; j < offs.length; j++) {
    const s = pt.ensure(mm.pgd, to + offs[j]);
    pt.set(s, los[j], his[j]);
  }
}
